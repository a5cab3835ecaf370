"""Thailand's 77 provinces: the two-digit code of TIS 1099 (also the numeric part of ISO 3166-2:TH,
and the first two digits of the Interior Ministry's area codes), the Thai name as offices write it
after ``จังหวัด``, and the romanized id the portal registry uses for a provincial office
(``scraper/sites.toml``: ``chiangmai.labour.go.th`` -> ``chiangmai``).

Data, not logic: the derived fields of a record (:mod:`scraper.derived`) read it.
"""

from __future__ import annotations

from typing import NamedTuple


class Province(NamedTuple):
    code: str  # TIS 1099 / ISO 3166-2:TH numeric part, e.g. "50"
    name: str  # Thai name, e.g. "เชียงใหม่"
    site_id: str  # romanized id of the registry, e.g. "chiangmai"


BANGKOK = Province("10", "กรุงเทพมหานคร", "bangkok")

PROVINCES: tuple[Province, ...] = (
    BANGKOK,
    Province("11", "สมุทรปราการ", "samutprakan"),
    Province("12", "นนทบุรี", "nonthaburi"),
    Province("13", "ปทุมธานี", "pathumthani"),
    Province("14", "พระนครศรีอยุธยา", "ayutthaya"),
    Province("15", "อ่างทอง", "angthong"),
    Province("16", "ลพบุรี", "lopburi"),
    Province("17", "สิงห์บุรี", "singburi"),
    Province("18", "ชัยนาท", "chainat"),
    Province("19", "สระบุรี", "saraburi"),
    Province("20", "ชลบุรี", "chonburi"),
    Province("21", "ระยอง", "rayong"),
    Province("22", "จันทบุรี", "chanthaburi"),
    Province("23", "ตราด", "trat"),
    Province("24", "ฉะเชิงเทรา", "chachoengsao"),
    Province("25", "ปราจีนบุรี", "prachinburi"),
    Province("26", "นครนายก", "nakhonnayok"),
    Province("27", "สระแก้ว", "sakaeo"),
    Province("30", "นครราชสีมา", "nakhonratchasima"),
    Province("31", "บุรีรัมย์", "buriram"),
    Province("32", "สุรินทร์", "surin"),
    Province("33", "ศรีสะเกษ", "sisaket"),
    Province("34", "อุบลราชธานี", "ubonratchathani"),
    Province("35", "ยโสธร", "yasothon"),
    Province("36", "ชัยภูมิ", "chaiyaphum"),
    Province("37", "อำนาจเจริญ", "amnatcharoen"),
    Province("38", "บึงกาฬ", "buengkan"),
    Province("39", "หนองบัวลำภู", "nongbualamphu"),
    Province("40", "ขอนแก่น", "khonkaen"),
    Province("41", "อุดรธานี", "udonthani"),
    Province("42", "เลย", "loei"),
    Province("43", "หนองคาย", "nongkhai"),
    Province("44", "มหาสารคาม", "mahasarakham"),
    Province("45", "ร้อยเอ็ด", "roiet"),
    Province("46", "กาฬสินธุ์", "kalasin"),
    Province("47", "สกลนคร", "sakonnakhon"),
    Province("48", "นครพนม", "nakhonphanom"),
    Province("49", "มุกดาหาร", "mukdahan"),
    Province("50", "เชียงใหม่", "chiangmai"),
    Province("51", "ลำพูน", "lamphun"),
    Province("52", "ลำปาง", "lampang"),
    Province("53", "อุตรดิตถ์", "uttaradit"),
    Province("54", "แพร่", "phrae"),
    Province("55", "น่าน", "nan"),
    Province("56", "พะเยา", "phayao"),
    Province("57", "เชียงราย", "chiangrai"),
    Province("58", "แม่ฮ่องสอน", "maehongson"),
    Province("60", "นครสวรรค์", "nakhonsawan"),
    Province("61", "อุทัยธานี", "uthaithani"),
    Province("62", "กำแพงเพชร", "kamphaengphet"),
    Province("63", "ตาก", "tak"),
    Province("64", "สุโขทัย", "sukhothai"),
    Province("65", "พิษณุโลก", "phitsanulok"),
    Province("66", "พิจิตร", "phichit"),
    Province("67", "เพชรบูรณ์", "phetchabun"),
    Province("70", "ราชบุรี", "ratchaburi"),
    Province("71", "กาญจนบุรี", "kanchanaburi"),
    Province("72", "สุพรรณบุรี", "suphanburi"),
    Province("73", "นครปฐม", "nakhonpathom"),
    Province("74", "สมุทรสาคร", "samutsakhon"),
    Province("75", "สมุทรสงคราม", "samutsongkhram"),
    Province("76", "เพชรบุรี", "phetchaburi"),
    Province("77", "ประจวบคีรีขันธ์", "prachuapkhirikhan"),
    Province("80", "นครศรีธรรมราช", "nakhonsithammarat"),
    Province("81", "กระบี่", "krabi"),
    Province("82", "พังงา", "phangnga"),
    Province("83", "ภูเก็ต", "phuket"),
    Province("84", "สุราษฎร์ธานี", "suratthani"),
    Province("85", "ระนอง", "ranong"),
    Province("86", "ชุมพร", "chumphon"),
    Province("90", "สงขลา", "songkhla"),
    Province("91", "สตูล", "satun"),
    Province("92", "ตรัง", "trang"),
    Province("93", "พัทลุง", "phatthalung"),
    Province("94", "ปัตตานี", "pattani"),
    Province("95", "ยะลา", "yala"),
    Province("96", "นราธิวาส", "narathiwat"),
)

BY_CODE = {p.code: p for p in PROVINCES}
BY_SITE_ID = {p.site_id: p for p in PROVINCES}
#: longest names first, so that no name is found inside a longer one
BY_NAME = sorted(PROVINCES, key=lambda p: -len(p.name))
