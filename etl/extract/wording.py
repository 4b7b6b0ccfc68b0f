"""The words an article uses for what a figure is: its funding source level, its kind, its qualifier, the numbers that
are not khuyến công money, the counts that are outcomes, and where one figure's words end and the next one's begin.

Phrases are written folded (no diacritics, lower case: etl/extract/text.py folds the article the same way) and read
as regular expressions between word boundaries; a space matches any run of spaces. Codes are those of the reference
tables (data/reference/funding_source.csv, figure_kind.csv, qualifier.csv, indicator.csv); tests/test_extract.py
checks every code here is in its list. A cue's strength: 2 names the thing ("khuyến công quốc gia", "giải ngân") and
decides the field; 1 only leans ("địa phương", "reached", "hỗ trợ"): the reader proposes what it leans to and asks.
A strong cue anywhere before the figure in its sentence wins over a weak one beside it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    code: str
    phrase: str
    strength: int = 2


# --- Funding source level ---------------------------------------------------------------------------------------------
SOURCE_CUES = (
    # central: khuyến công quốc gia, the national programme, the central budget
    Cue("central", r"khuyen cong quoc gia"), Cue("central", r"kc ?qg"), Cue("central", r"ngan sach trung uong"),
    Cue("central", r"nstw"), Cue("central", r"trung uong"), Cue("central", r"kinh phi quoc gia"),
    Cue("central", r"nguon (von )?quoc gia"), Cue("central", r"chuong trinh khuyen cong quoc gia"),
    Cue("central", r"national (industry|industrial) (promotion|encouragement|extension)"),
    Cue("central", r"national (funding|funds?|budget|capital|level|programme|program|source)"),
    Cue("central", r"nipp"), Cue("central", r"central (budget|government|funding|level)"),
    Cue("central", r"(bo|ministry of) (cong thuong|industry and trade)", 1), Cue("central", r"moit", 1),
    Cue("central", r"国家産業振興"), Cue("central", r"国家"), Cue("central", r"工商部", 1),
    Cue("central", r"quoc gia", 1), Cue("central", r"national", 1),
    Cue("central", r"central(?! (highlands?|coast|coastal|region|provinces|vietnam|and central))", 1),
    Cue("central", r"nationale?s?", 1),
    # local: khuyến công địa phương, the province's (or city's) budget
    Cue("local", r"khuyen cong dia phuong"), Cue("local", r"kc ?dp"), Cue("local", r"ngan sach (cap )?tinh"),
    Cue("local", r"ngan sach dia phuong"), Cue("local", r"nsdp"), Cue("local", r"khuyen cong (cap )?tinh"),
    Cue("local", r"khuyen cong cua tinh"), Cue("local", r"nguon khuyen cong cua tinh"),
    Cue("local", r"ngan sach (cap )?thanh pho"), Cue("local", r"ubnd (tinh|thanh pho)"), Cue("local", r"tinh cap"),
    Cue("local", r"local (industry|industrial) (promotion|encouragement|extension)"),
    Cue("local", r"local (funding|funds?|budget|capital|level|programme|program|source|ic)"),
    Cue("local", r"(the )?provincial (budgets?|funding|funds?|level|industry promotion|industrial promotion|industry "
                 r"encouragement|programmes?|programs?|capital|sources?)"), Cue("local", r"by the provincial"),
    Cue("local", r"(province|city)'?s? (own )?budgets?"), Cue("local", r"city budgets?"), Cue("local", r"地方産業振興"),
    Cue("local", r"地方"),
    Cue("local", r"(provincial|city) people'?s committee"),
    Cue("local", r"(promotion|encouragement) (de l'industrie )?locale?s?"), Cue("local", r"locale?s?", 1),
    Cue("local", r"dia phuong", 1), Cue("local", r"cap tinh", 1), Cue("local", r"local", 1),
    # district: huyện, thị xã; the cities and towns of a province
    Cue("district", r"(khuyen cong |ngan sach )?cap huyen"), Cue("district", r"ngan sach huyen"),
    Cue("district", r"huyen,? thi xa"), Cue("district", r"district[- ]level"),
    Cue("district", r"(local )?(cities and towns|districts|towns and districts)"), Cue("district", r"district", 1),
    # counterpart: the beneficiaries' own money, never khuyến công money
    Cue("counterpart", r"(von )?doi ung"), Cue("counterpart", r"von (cua|tu co cua) (co so|doanh nghiep|dn)"),
    Cue("counterpart", r"von tu co"), Cue("counterpart", r"(co so|doanh nghiep|dn) thu huong"),
    Cue("counterpart", r"(reciprocal|counterpart|matching) (capital|funding|funds?|money)"),
    Cue("counterpart", r"from (the )?(project )?beneficiaries"),
    Cue("counterpart", r"from (the )?(businesses|enterprises|facilities|establishments)"),
    Cue("counterpart", r"from (the )?(local )?rural industrial (establishments|facilities|enterprises)"),
    Cue("counterpart", r"beneficiaries'? (own )?(money|capital|funds?)"),
    Cue("counterpart", r"(their|its) own (capital|money|funds?)"),
    Cue("counterpart", r"reciprocal|counterpart|matching", 1),
    # state: khuyến công money whose level the report does not give
    Cue("state", r"ngan sach nha nuoc"), Cue("state", r"nsnn"), Cue("state", r"ngan sach cap tren"),
    Cue("state", r"state budget"), Cue("state", r"from the state"), Cue("state", r"(the )?state funding"),
    Cue("state", r"nha nuoc", 1), Cue("state", r"state", 1),
)

# --- Kind of figure ---------------------------------------------------------------------------------------------------
# Future tense names the plan side without naming its kind ("sẽ chi", "will reach"), so does an English "plan": the
# reader asks.
FUTURE = "future"
PLAN_SIDE = "plan_side"
KIND_CUES = (
    Cue("allocated", r"phan bo"), Cue("allocated", r"(duoc |da )?giao"), Cue("allocated", r"bo tri"),
    Cue("allocated", r"(vua |da |duoc )cap"), Cue("allocated", r"cap cho"), Cue("allocated", r"du toan"),
    Cue("allocated", r"(has |have |was |were |been )?allocated"), Cue("allocated", r"allocat(e|ion)"),
    Cue("allocated", r"earmark(ed|s)?"), Cue("allocated", r"拨款"), Cue("allocated", r"assigned"),
    Cue("allocated", r"(a )?allou(e|er|era)"),
    Cue("approved_plan", r"ke hoach"), Cue("approved_plan", r"(duoc |da )?phe duyet"),
    Cue("approved_plan", r"duoc duyet"), Cue("approved_plan", r"(has |have |was |were |been )?approved"),
    Cue("approved_plan", r"approv(al|e)"), Cue(PLAN_SIDE, r"plans?"),
    Cue("proposed", r"de xuat"), Cue("proposed", r"(was |were )?proposed"), Cue("proposed", r"propos(al|e)"),
    Cue("target", r"du kien( (ho tro|chi|dau tu|bo tri|phan bo))?"), Cue("target", r"muc tieu"),
    Cue("target", r"(intends?|plans?|aims?|expects?) to( (spend|invest|allocate|use|disburse|provide|support|"
                  r"earmark))?"),
    Cue("target", r"planned"), Cue("target", r"target(ed|s)?"),
    Cue("target", r"phan dau( (huy dong|dat|bo tri|chi|dau tu))?"), Cue("target", r"aims? to( (raise|mobili[sz]e))?"),
    Cue("target", r"expected"), Cue("target", r"previsionnel(le)?"), Cue("target", r"is going (on )?to"),
    Cue("estimated_executed", r"uoc thuc hien"), Cue("estimated_executed", r"uoc (dat|tinh)"),
    Cue("estimated_executed", r"estimated to have( been)?"),
    Cue("executed", r"da chi"), Cue("executed", r"da thuc hien"), Cue("executed", r"(da )?trien khai thuc hien"),
    Cue("executed", r"thuc hien duoc(?! (phe duyet|duyet|giao|phan bo|cap|bo tri))"), Cue("executed", r"da ho tro"),
    Cue("executed", r"da su dung"),
    Cue("executed", r"(has |have |had |was |were )?(also )?(been )?(spent|used|implemented|carried out|invested)"),
    Cue("executed", r"spen(d|t)"), Cue("executed", r"(has |have )?(been )?(mobili[sz]ed|attracted|raised)"),
    Cue("executed", r"mis en (oe|o)uvre"), Cue("executed", r"huy dong"), Cue("executed", r"thu hut"),
    Cue("executed", r"completed"), Cue("executed", r"reached", 1), Cue("executed", r"dat", 1),
    Cue("executed", r"totall?(ing|ed)", 1),
    Cue("executed", r"(has |have )?(supported|financed|funded|provided|helped)", 1),
    Cue("approved_plan", r"duoc ho tro", 1), Cue("allocated", r"(da |duoc )?trich( kinh phi)?", 1),
    Cue("disbursed", r"giai ngan"), Cue("disbursed", r"tam ung"), Cue("disbursed", r"disburs(ed|ement)"),
    Cue("settled", r"quyet toan"), Cue("settled", r"settled"), Cue("settled", r"final accounts?"),
    Cue(FUTURE, r"(se|will( be)?|is to be|is going to|sap)( (chi|dau tu|ho tro|phan bo|bo tri|giao|cap|allocate|spend|"
                r"invest|disburse|provide|earmark|use|reach|be allocated|be spent|be used|be invested|dat))?"),
)

# --- Qualifier: the words just before an amount (or just after, for 以上) --------------------------------------------
QUALIFIER_BEFORE = (
    Cue("more_than", r"hon"), Cue("more_than", r"(?<!cap\x20)tren"), Cue("more_than", r"vuot"),
    Cue("more_than", r"more than"),
    Cue("more_than", r"over"), Cue("more_than", r"exceed(ing|s|ed)?"), Cue("more_than", r"in excess of"),
    Cue("more_than", r"upwards of"), Cue("more_than", r"plus de"), Cue("more_than", r"depassant"),
    Cue("more_than", r"topped"),
    Cue("approx", r"khoang"), Cue("approx", r"chung"), Cue("approx", r"xap xi"), Cue("approx", r"some"),
    Cue("approx", r"about"), Cue("approx", r"approximately"), Cue("approx", r"around"), Cue("approx", r"roughly"),
    Cue("approx", r"environ"), Cue("approx", r"quelque"),
    Cue("nearly", r"gan"), Cue("nearly", r"nearly"), Cue("nearly", r"almost"), Cue("nearly", r"pres de"),
    Cue("nearly", r"topped almost"), Cue("nearly", r"just under"),
    Cue("at_least", r"it nhat"), Cue("at_least", r"toi thieu"), Cue("at_least", r"at least"),
    Cue("exact", r"only"), Cue("exact", r"chi( co)?"), Cue("exact", r"seulement"),
)
QUALIFIER_AFTER = (Cue("more_than", r"以上"), Cue("more_than", r"有余"), Cue("nearly", r"近く"))

# --- A part of the year only: the figure is at least what the whole year will be -------------------------------------
PARTIAL = (
    r"(\d+|sau|chin) thang( dau)?( nam)?", r"nua dau nam", r"quy (i|ii|iii|iv|1|2|3|4)", r"dot (\d+|mot|hai|ba|nay)",
    r"den (het )?thang \d+", r"tu dau nam", r"(first|initial|second) round", r"round \d+", r"this (initial )?round",
    r"(the )?first (six|nine|three|\d+) months", r"(the )?first half", r"(first|second|third) quarter",
    r"by (the end of )?(january|february|march|april|may|june|july|august|september|october|november)",
    r"(as of|to date|so far)", r"\d+ (premiers )?mois", r"premier semestre", r"\d+个月", r"\d+ヶ月",
)

# --- Numbers that are money but not khuyến công money: never proposed as money ---------------------------------------
# reason code → phrases seen close before (or right after) the amount. Average and loans are khuyến công money in
# another shape: reported to the analyst, not proposed as a figure.
NOT_KC = {
    "investment": (r"(tong )?von dau tu", r"tong muc dau tu", r"(total )?investment( capital| value)?",
                   r"invest(ed|ment) (of|worth)", r"du an (co )?tong von"),
    "revenue": (r"doanh thu", r"doanh so", r"gia tri san xuat", r"gia tri xuat khau", r"kim ngach", r"loi nhuan",
                r"thu nhap", r"revenue", r"turnover", r"sales", r"profit", r"income", r"export (value|turnover)",
                r"production value", r"output value", r"tong thu ngan sach", r"thu ngan sach", r"gia tri"),
    "average": (r"binh quan", r"trung binh", r"(on )?average", r"moyenne", r"tuong duong", r"equivalent to"),
    "loan": (r"(cho )?vay", r"von vay", r"loans?", r"lent", r"co thu hoi", r"thu hoi", r"revolving", r"credit"),
    "price": (r"gia ban", r"muc luong", r"price", r"salary", r"wage", r"each", r"moi (co so|de an|don vi)",
              r"toi da", r"up to", r"per (project|establishment|entity|unit)", r"muc ho tro"),
}
# A trap word counts only this close before the amount (characters, within its sentence and its own words).
TRAP_REACH = 48
# Words right before an amount that make it a difference between two figures, not a figure ("tăng 300 triệu đồng so
# với năm 2020", "up VND200 million"); "tăng lên 3 tỷ" (rose to) is a figure.
DIFFERENCE_BEFORE = (r"(tang|giam|tang them|giam di|cao hon|thap hon|nhieu hon|it hon|up|down|increased? by|"
                     r"decreased? by|rose by|fell by|higher by|lower by|an increase of|a decrease of|more than in)"
                     r"\s*(hon|khoang|gan|more than|about|nearly|some)?\s*$")

# --- Counts: proposed as outcomes (indicator codes of data/reference/indicator.csv), never as money -------------------
COUNT_NOUNS = (
    ("de_an", r"(chuong trinh,? )?(de an|du an|chuong trinh)( khuyen cong)?|(industry|industrial) promotion "
                 r"projects|projects|programs|programmes|projets"),
    ("co_so_ho_tro", r"(luot )?(co so|doanh nghiep|hop tac xa|dn)( cong nghiep nong thon| cnnt)?|cnnt|"
                          r"(rural industrial |industrial )?(establishments|facilities|enterprises|bases|businesses|"
                          r"cooperatives)|etablissements|entreprises"),
    ("lao_dong_dao_tao", r"(luot )?(lao dong|hoc vien|nguoi|cong nhan)|(rural )?(workers|laborers|labourers|trainees|"
                         r"people)|travailleurs"),
    ("mo_hinh_trinh_dien", r"mo hinh( trinh dien)?|(technical |technological )?(demonstration |performance )?models"),
    ("lop_dao_tao", r"lop|courses|classes"),
)

# --- Where one figure's words end and the next one's begin -----------------------------------------------------------
# Between two amounts of a sentence, the first of these after the first amount splits their words. A "parts" split
# ("trong đó", "of which") makes the amount before it a total of the parts after it.
PARTS = (r"trong do", r"of which", r"including", r"in which", r"bao gom", r"dont", r"そのうち", r"其中")
LIST_SPLITS = (r";", r",", r":", r"…", r"\.\.\.", r"va", r"and", r"while", r"con", r"whereas", r"et", r"\(", r"\)")
# A split that opens another clause with its own verb: the words before the sentence's first amount are not shared
# across it ("X disbursed A, while the national programme contributed B": B is not "disbursed").
CLAUSE_SPLITS = (r"while", r"whereas", r"con", r"but", r"nhung", r"tuy nhien", r"and the", r"and its", r"va cac",
                 r"con cac", r"meanwhile", r"out of", r"of the")
# Two levels named together ("national and local projects", "KCQG và KCĐP"): a figure of both, not of one.
COMBINED_LEVELS = (r"(national|central|quoc gia|kcqg|trung uong)\s+(and|va|\+|&|et)\s+([a-z]+\s+)?(local|provincial|"
                   r"dia phuong|kcdp|(cap )?tinh|locale?s?)",
                   r"(local|provincial|dia phuong|kcdp|(cap )?tinh)\s+(and|va|\+|&|et)\s+([a-z]+\s+)?(national|central|"
                   r"quoc gia|kcqg|trung uong)")

# --- Comparisons: their years and plan words are not the figure's -----------------------------------------------------
COMPARISONS = (
    r"(dat|bang|chiem|tang|giam|up|down|accounting for|reaching|representing|equal to|or)?\s*(gan |hon |more than "
    r"|nearly |about )?\d+([.,]\d+)?\s*(%|phan tram|percent|per cent)(\s*(so voi|of|compared with|from|than|vs\.?|"
    r"over|ke hoach|muc tieu)\s*(the\s*)?(\d{4}\s*|nam \d{4}\s*|yearly |annual |year |cung ky( nam truoc)?\s*)?"
    r"(plan|ke hoach|target|muc tieu|estimate)?)?",
    r"(so voi|compared (with|to)|than in|vs\.?) (cung ky )?(nam )?\d{4}",
    r"cung ky( nam (truoc|\d{4}))?",
    r"(tang|giam|up|down|increase[ds]?|decrease[ds]?) (gap )?\d+([.,]\d+)? (lan|times)( so voi)?",
    r"(tang|up|increase[ds]?) (more than |over )?(ten|\d+)[- ]fold",
)

# --- Whole country and the relative areas of a paragraph ------------------------------------------------------------
NATIONWIDE = (r"ca nuoc", r"toan quoc", r"nationwide", r"(the )?whole country", r"(across|throughout) the country",
              r"toan nganh")
AREA_PRONOUNS = (r"tinh", r"thanh pho", r"(the |this )?(province|city|locality)", r"dia phuong nay", r"toan tinh")
# Aliases of data/reference/area_alias.csv that are ordinary words in running text ("tổng số" is a statistics
# table's total row, "tổng số đề án" in an article).
AREA_ALIASES_NOT_IN_PROSE = {"tong so"}
