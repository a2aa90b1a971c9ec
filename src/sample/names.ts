/** Word lists for realistic ledgers of a county 人力资源和社会保障局 and its units. */
import type { Rng } from './prng';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '欧阳', '司马', '上官',
];

const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '玉', '萍', '红', '鹏', '辉', '建', '国', '志', '宇', '晨', '博', '健', '海', '燕', '雪', '春',
  '文', '斌', '浩', '凯', '婷', '琳', '欣', '怡', '佳', '思', '晓', '俊', '峰', '亮', '丹', '颖', '倩', '慧', '鑫', '东',
];

/** The bureau's own offices and second-tier bodies (股室, 二级机构). */
export const UNIT_NAMES = [
  '局办公室', '规划财务科', '政策法规股', '人事管理股', '社会保障股', '就业促进股', '劳动关系股', '农民工工作股',
  '职业能力建设股', '工资福利股', '行政审批股', '信访股', '劳动保障监察大队', '公共就业服务局', '社会保险事业管理局',
  '失业保险所', '工伤保险所', '人事考试中心', '技工学校', '信息中心', '劳动人事争议仲裁院', '人才交流中心',
  '医疗保险服务中心', '机关后勤服务中心',
];

const TOWNS = [
  '城关镇', '东关镇', '西城街道', '南湖街道', '北山乡', '河口镇', '新集镇', '青石镇', '白沙乡', '柳林镇', '桥头镇', '杨庄乡',
  '高店镇', '马坊镇', '双河镇', '龙泉乡', '石门镇', '金山镇', '临江镇', '黄土岭乡', '长岗镇', '太平镇', '永安乡', '红星镇',
];

const TOWN_BODIES = ['人社服务所', '劳动保障所', '就业服务站', '社保服务站', '劳动监察中队', '人才服务站', '职业培训站', '农保服务站', '调解仲裁站', '退休人员服务站', '就业扶贫车间', '社区工作站', '便民服务中心'];

/** `count` distinct unit names: the bureau's units first, then town-level bodies. */
export function unitNames(count: number): string[] {
  const names = UNIT_NAMES.slice(0, count);
  for (let i = 0; names.length < count; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    const body = TOWN_BODIES[Math.floor(i / TOWNS.length) % TOWN_BODIES.length]!;
    const round = Math.floor(i / (TOWNS.length * TOWN_BODIES.length));
    names.push(round === 0 ? `${town}${body}` : `${town}${body}第${round + 1}分站`);
  }
  return names;
}

export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES.map((s) => [s, s.length > 1 ? 0.2 : 1] as const));
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return surname + given;
}

/** 职级 texts with how often they occur; the first block is senior (副科级以上). */
export const LEVELS: readonly (readonly [string, number])[] = [
  ['局长', 0.2],
  ['副局长', 0.5],
  ['党组成员、副局长', 0.2],
  ['科长', 0.6],
  ['副科长', 0.8],
  ['一级主任科员', 0.4],
  ['二级主任科员', 0.5],
  ['三级主任科员', 0.8],
  ['四级主任科员', 1],
  ['副主任科员', 0.6],
  ['正科级', 0.3],
  ['一级科员', 2],
  ['二级科员', 1],
  ['科员', 2],
  ['办事员', 0.8],
  ['工勤人员', 0.3],
];

export const ACTIVITY_TOPICS = [
  '学习贯彻党的二十大精神', '学习《中国共产党支部工作条例（试行）》', '重温入党誓词', '党风廉政建设专题学习',
  '学习习近平总书记重要讲话精神', '作风建设专题研讨', '开展批评与自我批评', '学习《中国共产党纪律处分条例》',
  '优化营商环境专题讨论', '就业政策宣讲', '讨论年度工作计划', '组织生活会',
];

export const TASKS = [
  '修订财务管理制度', '落实一岗双责', '组织警示教育', '窗口作风专项整治', '卸载非办公软件检查', '开展廉政谈话',
  '完善内控制度', '整改巡察反馈问题', '公车使用专项检查', '社保基金安全检查', '清理规范津补贴', '建立廉政风险台账',
  '开展“转作风、优服务”活动', '落实意识形态工作责任制', '推进政务公开',
];

export const SPECIAL_ACTIVITIES = ['警示教育', '参观学习', '志愿服务', '争先创优', '红色教育基地参观', '主题演讲比赛'];
