"""The clauses calculators rest on, quoted verbatim (tests check each quote against data/policies/).

Calculators are pure, so they do not retrieve: the quoted sentences live here with doc id and clause path.
Titles and 文号 repeat the sidecar values (``*.meta.yaml``); a test keeps them in sync.
"""

from __future__ import annotations

from typing import NamedTuple

from assistant.calculators.base import ClauseRef


class Doc(NamedTuple):
    title: str
    doc_number: str | None
    status: str


DOCUMENTS: dict[str, Doc] = {
    "shijiazhuang-2019-lifelong-skills-training": Doc(
        "石家庄市人民政府办公室关于推行终身职业技能培训制度加快技能强市建设的实施意见", None, "in_force"
    ),
    "beijing-2011-vocational-training": Doc(
        "北京市人民政府关于进一步加强职业培训工作的意见", "京政发〔2011〕33号", "in_force"
    ),
    "beijing-2007-high-skilled-talent": Doc(
        "中共北京市委办公厅 北京市人民政府办公厅印发《关于进一步加强高技能人才工作的实施意见》的通知",
        "京办发〔2007〕14号",
        "superseded",
    ),
    "beibei-2019-lifelong-skills-training": Doc(
        "重庆市北碚区人民政府关于推行终身职业技能培训制度的实施意见", "北碚府发〔2019〕21号", "in_force"
    ),
}


def clause(doc_id: str, clause_path: str, text: str) -> ClauseRef:
    doc = DOCUMENTS[doc_id]
    return ClauseRef(
        doc_id=doc_id, title=doc.title, doc_number=doc.doc_number, clause_path=clause_path, text=text, status=doc.status
    )


SJZ = "shijiazhuang-2019-lifelong-skills-training"
BJ2011 = "beijing-2011-vocational-training"
BJ2007 = "beijing-2007-high-skilled-talent"
BEIBEI = "beibei-2019-lifelong-skills-training"

SJZ_EMPLOYMENT_TRAINING = clause(
    SJZ,
    "三、（一）2",
    "依托定点培训机构,开展以专业知识、操作技能、职业素养等为主要内容的就业技能培训,"
    "培训补贴金额每人最高不超过2200元,紧缺急需职业(工种)培训补贴标准每人最高不超过2500元。",
)
SJZ_FREE_TRAINING = clause(
    SJZ,
    "三、（一）2",
    "面向农村转移就业劳动者、毕业学年高校毕业生、城乡未继续升学应届初高中毕业生、城镇登记失业人员、退役军人、"
    "未就业贫困家庭子女、就业困难人员(含残疾人)开展免费职业技能培训。",
)
SJZ_APPRENTICESHIP = clause(
    SJZ,
    "三、（一）3",
    "职工参加企业新型学徒制培训的,给予企业每人每年中级工4000元、高级工6000元的职业培训补贴。",
)
SJZ_SKILL_UPGRADE = clause(
    SJZ,
    "三、（一）3",
    "累计缴纳失业保险费12个月以上的企业职工取得初、中、高级职业资格证书或职业技能等级证书的,"
    "分别给予1000元、1500元、2000元的技能提升补贴,纳入急需紧缺工种目录的,补贴标准可提高10%。",
)
BJ_EDUCATION_FUND = clause(
    BJ2011,
    "九、",
    "企业要按照不低于职工工资总额1.5%的比例提取职工教育经费，经济效益好的企业可按2.5%的比例提取，"
    "对于中关村国家自主创新示范区内的创新创业型企业可按照国家有关政策执行，其中60%以上应用于企业一线职工的教育和培训。",
)
BJ_EDUCATION_FUND_2007 = clause(
    BJ2007,
    "五、（十五）",
    "各级行业主管部门应督促所属企业依法按照职工工资总额不低于 1.5%的比例提取教育培训经费,"
    "其中 60%以上用于企业一线职工的教育和培训。",
)
BJ_CHIEF_TECHNICIAN_STUDIO = clause(
    BJ2011,
    "四、（二）",
    "“十二五”期间提升完善100个首席技师工作室，并对30个重点工作室给予30万至50万元的资助，"
    "主要用于开展带徒传技、实施技术技能革新成果和绝技绝活的应用推广、组织参加技术培训、技术攻关、技术协作、技能研修等任务",
)
BJ_DIRECT_INTRODUCTION = clause(
    BJ2011,
    "六、",
    "对在京工作3年以上、按规定缴纳社会保险且取得技师及以上职业资格证书，并在工作中做出突出贡献的来京务工人员，"
    "经本市引进人才综合评价为优秀的，可从外省市直接引进。",
)
BJ_DIRECT_INTRODUCTION_2007 = clause(
    BJ2007,
    "四、（十四）",
    "凡在京工作满 5 年以上且做出突出贡献的来京务工人员，在取得高级技师职业资格后，经本人申请、企业同意，"
    "市劳动保障部门、市公安局批准并为其办理进京手续。",
)
BEIBEI_EDUCATION_FUND_DEDUCTION = clause(
    BEIBEI,
    "五、（十九）",
    "企业发生的职工教育经费支出，不超过工资薪金总额 8%的部分，准予在计算企业所得税应纳税所得额时扣除。"
    "超过部分，准予在以后纳税年度结转扣除。",
)
BEIBEI_VETERAN_TRAINING = clause(
    BEIBEI,
    "二、（五）",
    "对即将退役的军人开展退役前技能储备培训和职业指导；对退役军人开展就业技能培训，退役军人可按规定享受一次免费"
    "（免学杂费、住宿费、技能鉴定费）培训，并享受培训期间生活补助。",
)

ALL_CLAUSES: tuple[ClauseRef, ...] = (
    SJZ_EMPLOYMENT_TRAINING,
    SJZ_FREE_TRAINING,
    SJZ_APPRENTICESHIP,
    SJZ_SKILL_UPGRADE,
    BJ_EDUCATION_FUND,
    BJ_EDUCATION_FUND_2007,
    BJ_CHIEF_TECHNICIAN_STUDIO,
    BJ_DIRECT_INTRODUCTION,
    BJ_DIRECT_INTRODUCTION_2007,
    BEIBEI_EDUCATION_FUND_DEDUCTION,
    BEIBEI_VETERAN_TRAINING,
)
