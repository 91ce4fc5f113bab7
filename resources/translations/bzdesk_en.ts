<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于编制桌面</source>
        <translation>About bzdesk</translation>
    </message>
    <message>
        <source>版本 {0}（Qt {1}，PySide6 {2}）</source>
        <translation>Version {0} (Qt {1}, PySide6 {2})</translation>
    </message>
    <message>
        <source>数据目录：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <source>界面字体：{0}（本机系统字体，不随本程序分发）</source>
        <translation>Interface font: {0} (a font of this computer, not shipped with bzdesk)</translation>
    </message>
    <message>
        <source>界面字体：{0}（随程序分发的 {1}）</source>
        <translation>Interface font: {0} (shipped with bzdesk as {1})</translation>
    </message>
    <message>
        <source>随程序分发的字体（用于 PDF 报表）：</source>
        <translation>Fonts shipped with bzdesk (for the PDF reports):</translation>
    </message>
    <message>
        <source>许可证见字体文件夹</source>
        <translation>see the licence files in the font folder</translation>
    </message>
    <message>
        <source>{0}（{1}）：{2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
    <message>
        <source>许可证全文在 {0}。</source>
        <translation>The full licence texts are in {0}.</translation>
    </message>
    <message>
        <source>本版本没有随程序分发字体文件。</source>
        <translation>This version ships no font files.</translation>
    </message>
    <message>
        <source>编制桌面</source>
        <translation>bzdesk</translation>
    </message>
    <message>
        <source>机构编制部门的离线业务系统：机构编制、实名管理、走访调研、党建活动。</source>
        <translation>Offline records for organisation and staffing offices: units and posts, the real-name roster, visits and party activities.</translation>
    </message>
</context>
<context>
    <name>AcceptDialog</name>
    <message>
        <source>接受调整方案</source>
        <translation>Accept the adjustment plan</translation>
    </message>
    <message>
        <source>接受并写入</source>
        <translation>Accept and record</translation>
    </message>
    <message>
        <source>{0} {1} {2} 名</source>
        <translation>{0} {1}: {2}</translation>
    </message>
    <message>
        <source>动态调整文件的文号</source>
        <translation>Doc. no. of the adjustment document</translation>
    </message>
    <message>
        <source>调整方案</source>
        <translation>Adjustment plan</translation>
    </message>
    <message>
        <source>调整日期</source>
        <translation>Adjustment date</translation>
    </message>
    <message>
        <source>借出的归还期限</source>
        <translation>Return date of lent posts</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>归还期限应晚于调整日期。</source>
        <translation>The return date must be later than the adjustment date.</translation>
    </message>
    <message>
        <source>教职工编制动态调整</source>
        <translation>Dynamic adjustment of school staff posts</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>管理员可以新建其他用户、备份数据库、修改设置。</source>
        <translation>The administrator can add other users, back up the database and change settings.</translation>
    </message>
    <message>
        <source>至少 8 位，同时包含字母和数字</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>申请用编计划</source>
        <translation>Apply for a hiring plan</translation>
    </message>
    <message>
        <source>提交申请</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>如：因人员退休，申请补充工作人员</source>
        <translation>e.g. to replace staff who retired</translation>
    </message>
    <message>
        <source>申请机构</source>
        <translation>Applying unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Staffing category</translation>
    </message>
    <message>
        <source>当前编制</source>
        <translation>Current posts</translation>
    </message>
    <message>
        <source>用编数</source>
        <translation>Posts requested</translation>
    </message>
    <message>
        <source>用编理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>（选择机构和编制类型后显示）</source>
        <translation>(shown once a unit and category are chosen)</translation>
    </message>
    <message>
        <source>申请数超过空编，审核时不能批准。</source>
        <translation>More posts are requested than are vacant: the approver cannot approve this.</translation>
    </message>
    <message>
        <source>请从列表中选择机构。</source>
        <translation>Please choose a unit from the list.</translation>
    </message>
    <message>
        <source>{0} 已设为只出不进，不能申请用编。</source>
        <translation>{0} is under a hiring freeze and cannot apply for a hiring plan.</translation>
    </message>
    <message>
        <source>请填写用编理由。</source>
        <translation>Please give the reason.</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>新增挂点安排</source>
        <translation>New liaison assignment</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County / city / district</translation>
    </message>
    <message>
        <source>行业领域</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Open-ended</translation>
    </message>
    <message>
        <source>按本单位规定</source>
        <translation>Office default</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>领导或专员</source>
        <translation>Leader or liaison officer</translation>
    </message>
    <message>
        <source>联系点类别</source>
        <translation>Liaison point type</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>每季度应走访</source>
        <translation>Visits due per quarter</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>请填写领导或联络专员的姓名。</source>
        <translation>Please enter the name of the leader or liaison officer.</translation>
    </message>
    <message>
        <source>请从列表中选择联系点。</source>
        <translation>Please choose a liaison point from the list.</translation>
    </message>
    <message>
        <source>保存挂点安排</source>
        <translation>Save liaison assignment</translation>
    </message>
</context>
<context>
    <name>AssignmentsTab</name>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>领导或专员</source>
        <translation>Leader or liaison officer</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>起止时间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>每季度应走访</source>
        <translation>Visits due per quarter</translation>
    </message>
    <message>
        <source>按本单位规定</source>
        <translation>Office default</translation>
    </message>
    <message>
        <source>新增安排…</source>
        <translation>New assignment…</translation>
    </message>
    <message>
        <source>结束安排…</source>
        <translation>End assignment…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> visits</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>每个联系点每季度应走访</source>
        <translation>Office default per liaison point per quarter:</translation>
    </message>
    <message>
        <source>删除挂点安排</source>
        <translation>Delete liaison assignment</translation>
    </message>
    <message>
        <source>删除“{0} → {1}”这项安排吗？已有走访记录的安排不能删除，只能结束。</source>
        <translation>Delete the assignment “{0} → {1}”? An assignment that already has visit records cannot be deleted, only ended.</translation>
    </message>
    <message>
        <source>设置走访频次</source>
        <translation>Set visit frequency</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>校验哈希链</source>
        <translation>Verify hash chain</translation>
    </message>
    <message>
        <source>按操作人、操作或对象查找（Ctrl+F）</source>
        <translation>Search by user, operation or target (Ctrl+F)</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>正在校验审计日志…</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <source>审计日志完好：共 {0} 条，哈希链连续。</source>
        <translation>The audit log is intact: {0} entries, the hash chain is unbroken.</translation>
    </message>
    <message>
        <source>审计日志被改动：第一条有问题的记录是序号 {0}（{1}）：{2}</source>
        <translation>The audit log was altered: the first bad entry is no. {0} ({1}): {2}</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <source>恢复前自动备份</source>
        <translation>Automatic, before a restore</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>升级前自动备份</source>
        <translation>Automatic, before an upgrade</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>备份保存在 {0}，保留最近 {1} 份。请定期把备份复制到U盘或其他电脑。</source>
        <translation>Backups are kept in {0} (the newest {1}). Copy them regularly to a USB stick or another computer.</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>事业编制</source>
        <translation>Public inst.</translation>
    </message>
    <message>
        <source>参照公务员法管理</source>
        <translation>Civil-service rules</translation>
    </message>
    <message>
        <source>工勤</source>
        <translation>Service staff</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>别名（导入时认得的写法）</source>
        <translation>Aliases (recognised on import)</translation>
    </message>
    <message>
        <source>新增编制类型…</source>
        <translation>New category…</translation>
    </message>
    <message>
        <source>编制类型字典由管理员维护。</source>
        <translation>The administrator maintains the list of staffing categories.</translation>
    </message>
    <message>
        <source>编制类型是字典：各类型的编制分别核定、分别统计，从不相加。默认有行政编制、政法专项编制、事业编制和工勤编制。</source>
        <translation>Staffing categories are a fixed list: the posts of each category are approved and counted separately, never added together. The defaults are administrative posts, political-legal special posts, public-institution posts and service-staff posts.</translation>
    </message>
</context>
<context>
    <name>CategoryBars</name>
    <message>
        <source>{0}：核定 {1}，实有 {2}，在途 {3}</source>
        <translation>{0}: approved {1}, filled {2}, in process {3}</translation>
    </message>
    <message>
        <source>（无数据）</source>
        <translation>(no data)</translation>
    </message>
    <message>
        <source>核定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>实有</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>超编</source>
        <translation>Over quota</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>新增编制类型</source>
        <translation>New staffing category</translation>
    </message>
    <message>
        <source>如：CG</source>
        <translation>e.g. CG</translation>
    </message>
    <message>
        <source>如：参公事业编制</source>
        <translation>e.g. 参公事业编制</translation>
    </message>
    <message>
        <source>属于事业编制</source>
        <translation>Counts as public-institution posts</translation>
    </message>
    <message>
        <source>参照公务员法管理</source>
        <translation>Managed under the Civil Servant Law</translation>
    </message>
    <message>
        <source>工勤（按工人退休年龄）</source>
        <translation>Service staff (workers’ retirement age)</translation>
    </message>
    <message>
        <source>表格中的其他写法，用逗号分隔，如：参公,参公事业</source>
        <translation>Other spellings used in spreadsheets, separated by commas, e.g. 参公,参公事业</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <source>请填写代码。</source>
        <translation>Please enter the code.</translation>
    </message>
    <message>
        <source>请填写名称。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>“{0}”已被编制类型“{1}”使用。</source>
        <translation>“{0}” is already used by the category “{1}”.</translation>
    </message>
</context>
<context>
    <name>CheckinTab</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>报到社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>（未登记）</source>
        <translation>(not registered)</translation>
    </message>
    <message>
        <source>缺报月数</source>
        <translation>Months missed</translation>
    </message>
    <message>
        <source>标记为“{0}”</source>
        <translation>Mark as “{0}”</translation>
    </message>
    <message>
        <source>在职党员每月到报到社区报到或参加社区活动；选中某人某月的格子后标记。本月尚未结束，不计入缺报。</source>
        <translation>Serving party members check in with their community, or join a community activity, every month: select a person’s cell for a month and mark it. The current month is not over yet and does not count as missed.</translation>
    </message>
    <message>
        <source>登记进社区报到</source>
        <translation>Record community check-ins</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>撤销或合并机构</source>
        <translation>Close or merge a unit</translation>
    </message>
    <message>
        <source>撤并</source>
        <translation>Close / merge</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>合并（并入另一机构）</source>
        <translation>Merge (into another unit)</translation>
    </message>
    <message>
        <source>撤并文件的文号</source>
        <translation>Doc. no. of the closure document</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>撤并方式</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>撤并日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>撤并文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>并入机构</source>
        <translation>Merge into</translation>
    </message>
    <message>
        <source>撤并后机构保留历史记录，当天起核定编制和领导职数归零；还有在编人员、下属机构、借用编制或待审核计划的机构不能撤并。</source>
        <translation>A closed unit keeps its history; from that day its approved posts and leadership posts are zero. A unit that still has people in post, sub-units, borrowed posts or plans awaiting approval cannot be closed.</translation>
    </message>
    <message>
        <source>请从列表中选择并入的机构。</source>
        <translation>Please choose the unit to merge into from the list.</translation>
    </message>
    <message>
        <source>并入“{0}”</source>
        <translation>Merge into “{0}”</translation>
    </message>
    <message>
        <source>确定将“{0}”{1}吗？撤并后不能恢复为正常机构。</source>
        <translation>“{0}”: {1}? A closed or merged unit cannot be made active again.</translation>
    </message>
    <message>
        <source>撤并机构</source>
        <translation>Close or merge unit</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>第{0}季度</source>
        <translation>Q{0}</translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>本期未开展</source>
        <translation>Not yet held</translation>
    </message>
    <message>
        <source>逾期未开展</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>活动次数</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>第一议题</source>
        <translation>First agenda item</translation>
    </message>
    <message>
        <source>志愿服务人次</source>
        <translation>Volunteer turnouts</translation>
    </message>
    <message>
        <source>志愿服务时长</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <source>报到完成率</source>
        <translation>Check-in rate</translation>
    </message>
    <message>
        <source>规定活动</source>
        <translation>Required activity</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>（{0} 次）</source>
        <translation> ({0} times)</translation>
    </message>
    <message>
        <source>导出年度统计…</source>
        <translation>Export year statistics…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>{0}（截至 {1}）：{2} 个组织有逾期未开展的规定活动</source>
        <translation>{0} (as of {1}): {2} organisations have overdue required activities</translation>
    </message>
    <message>
        <source>导出年度党建统计</source>
        <translation>Export the year’s party statistics</translation>
    </message>
    <message>
        <source>{0}年党建统计.xlsx</source>
        <translation>Party statistics {0}.xlsx</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出年度统计…</source>
        <translation>Exporting the year statistics…</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <source> 年</source>
        <translation>​</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>其中逾期</source>
        <translation>Of which overdue</translation>
    </message>
    <message>
        <source>本年销号</source>
        <translation>Closed off this year</translation>
    </message>
    <message>
        <source>双击格子查看对应的走访记录或问题。</source>
        <translation>Double-click a cell to see its visit records or problems.</translation>
    </message>
    <message>
        <source>已走访 {0} 格，待走访 {1} 格，未走访 {2} 格；未办结问题 {3} 个，其中逾期 {4} 个</source>
        <translation>Visited: {0} cells, due: {1}, missed: {2}; open problems: {3}, of which overdue: {4}</translation>
    </message>
    <message>
        <source>导出走访统计</source>
        <translation>Export visit statistics</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>批准用编计划</source>
        <translation>Approve hiring plan</translation>
    </message>
    <message>
        <source>驳回用编计划</source>
        <translation>Reject hiring plan</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Staffing category</translation>
    </message>
    <message>
        <source>用编理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>当前编制</source>
        <translation>Current posts</translation>
    </message>
    <message>
        <source>用编数</source>
        <translation>Posts requested</translation>
    </message>
    <message>
        <source>{0} 名</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>审核日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Approver’s opinion</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agreed.</translation>
    </message>
    <message>
        <source>驳回理由</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <source>用编数超过空编 {0} 名，不能批准。</source>
        <translation>The posts requested exceed the vacant posts by {0}: this cannot be approved.</translation>
    </message>
    <message>
        <source>请填写驳回理由。</source>
        <translation>Please give the reason for the rejection.</translation>
    </message>
</context>
<context>
    <name>DuesDialog</name>
    <message>
        <source>登记党费</source>
        <translation>Record party dues</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source>月计算基数（元）</source>
        <translation>Monthly base (yuan)</translation>
    </message>
    <message>
        <source>每月应交：—</source>
        <translation>Due per month: —</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>起始月份</source>
        <translation>First month</translation>
    </message>
    <message>
        <source>月数</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>计算基数</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>交纳日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>每月应交：{0} 元</source>
        <translation>Due per month: {0} yuan</translation>
    </message>
    <message>
        <source>请先登记党员。</source>
        <translation>Please record the party members first.</translation>
    </message>
    <message>
        <source>请填写月计算基数。</source>
        <translation>Please enter the monthly base.</translation>
    </message>
</context>
<context>
    <name>DuesRuleDialog</name>
    <message>
        <source>党费比例</source>
        <translation>Party dues rates</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source>在职党员</source>
        <translation>Serving members</translation>
    </message>
    <message>
        <source>离退休党员</source>
        <translation>Retired members</translation>
    </message>
    <message>
        <source>加一档</source>
        <translation>Add a bracket</translation>
    </message>
    <message>
        <source>删去选中档</source>
        <translation>Remove selected bracket</translation>
    </message>
    <message>
        <source>连续未交提醒</source>
        <translation>Remind after unpaid for</translation>
    </message>
    <message>
        <source>上限和比例须填数字（如 3000 和 0.5）。</source>
        <translation>The ceiling and rate must be numbers (such as 3000 and 0.5).</translation>
    </message>
    <message>
        <source>修改党费比例</source>
        <translation>Change party dues rates</translation>
    </message>
</context>
<context>
    <name>DuesTab</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>（离退休）</source>
        <translation>(retired)</translation>
    </message>
    <message>
        <source>合计（元）</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <source>登记党费…</source>
        <translation>Record dues…</translation>
    </message>
    <message>
        <source>{0}年已交党费合计 {1} 元</source>
        <translation>Party dues paid in {0}: {1} yuan in all</translation>
    </message>
    <message>
        <source>{0}（{1}）已连续 {2} 个月未交</source>
        <translation>{0} ({1}) has not paid for {2} months in a row</translation>
    </message>
    <message>
        <source>……共 {0} 人</source>
        <translation>… {0} people in all</translation>
    </message>
    <message>
        <source>党费提醒：</source>
        <translation>Party dues reminders:</translation>
    </message>
</context>
<context>
    <name>EndAssignmentDialog</name>
    <message>
        <source>结束挂点安排</source>
        <translation>End liaison assignment</translation>
    </message>
    <message>
        <source>结束安排</source>
        <translation>End assignment</translation>
    </message>
    <message>
        <source>安排</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>导出本单位名片…</source>
        <translation>Export office card…</translation>
    </message>
    <message>
        <source>添加交换对象…</source>
        <translation>Add peer…</translation>
    </message>
    <message>
        <source>导出数据包…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <source>保留现在的值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <source>采用另一方的值</source>
        <translation>Take the other side’s value</translation>
    </message>
    <message>
        <source>改为新值…</source>
        <translation>Set a new value…</translation>
    </message>
    <message>
        <source>合并时按“最后修改者为准”自动取值，被替换的值列在这里。请逐条确认；处理结果会在下次交换时同步给对方。</source>
        <translation>Merging took the value of whoever changed it last; the values it replaced are listed here. Please confirm them one by one; your decisions reach the other side with the next exchange.</translation>
    </message>
    <message>
        <source>交换对象</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>交换记录</source>
        <translation>Exchange history</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>您的角色不能做这项操作。</source>
        <translation>Your role cannot do this.</translation>
    </message>
    <message>
        <source>本机站点 {0}，密钥指纹 {1}（对方核对时读出）</source>
        <translation>This site: {0}; key fingerprint {1} (read it out when the other side checks)</translation>
    </message>
    <message>
        <source>合并冲突（{0}）</source>
        <translation>Merge conflicts ({0})</translation>
    </message>
    <message>
        <source>导出本单位名片</source>
        <translation>Export office card</translation>
    </message>
    <message>
        <source>单位名片 (*.bzcard)</source>
        <translation>Office cards (*.bzcard)</translation>
    </message>
    <message>
        <source>单位名片</source>
        <translation>Office card</translation>
    </message>
    <message>
        <source>已导出 {0}。
请把它交给对方，并在电话里读出指纹：{1}</source>
        <translation>Exported {0}.
Give it to the other side and read out the fingerprint on the phone: {1}</translation>
    </message>
    <message>
        <source>选择对方的单位名片</source>
        <translation>Choose the other side’s office card</translation>
    </message>
    <message>
        <source>核对指纹</source>
        <translation>Check fingerprint</translation>
    </message>
    <message>
        <source>单位：{0}（{1}）
站点：{2}
指纹：{3}

请与对方电话核对指纹，一致才能添加。指纹一致吗？</source>
        <translation>Office: {0} ({1})
Site: {2}
Fingerprint: {3}

Check the fingerprint with the other side by phone: only add the peer if it matches. Does the fingerprint match?</translation>
    </message>
    <message>
        <source>添加交换对象</source>
        <translation>Add peer</translation>
    </message>
    <message>
        <source>解锁密钥</source>
        <translation>Unlock keys</translation>
    </message>
    <message>
        <source>请输入本单位的密钥口令（本次登录只问一次）：</source>
        <translation>Enter this office’s key passphrase (asked only once per login):</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>请先在“交换对象”中选中要发给的单位。</source>
        <translation>First select the receiving office under “Peers”.</translation>
    </message>
    <message>
        <source>选择保存数据包的位置（如U盘）</source>
        <translation>Choose where to save the bundle (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>已导出第 {0} 号数据包（{1} 条变更），并已读回校验：
{2}</source>
        <translation>Exported bundle no. {0} ({1} changes) and verified it by reading it back:
{2}</translation>
    </message>
    <message>
        <source>选择收到的数据包</source>
        <translation>Choose the bundle received</translation>
    </message>
    <message>
        <source>数据包 (*.bzb)</source>
        <translation>Bundles (*.bzb)</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <source>这个数据包（{0} 第 {1} 号）已经导入过，没有新内容。</source>
        <translation>This bundle ({0} no. {1}) was already imported: nothing new.</translation>
    </message>
    <message>
        <source>已导入 {0} 的第 {1} 号数据包：写入 {2} 条变更，冲突 {3} 条。</source>
        <translation>Imported bundle no. {1} from {0}: {2} changes written, {3} conflicts.</translation>
    </message>
    <message>
        <source>请先选中一条冲突。</source>
        <translation>Please select a conflict first.</translation>
    </message>
    <message>
        <source>改为新值</source>
        <translation>Set a new value</translation>
    </message>
    <message>
        <source>新值：</source>
        <translation>New value:</translation>
    </message>
    <message>
        <source>处理合并冲突</source>
        <translation>Resolve merge conflict</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>支持 Excel（.xlsx、.xls）、WPS 另存的表格、.ods 和 .csv 文件。</source>
        <translation>Excel (.xlsx, .xls), spreadsheets saved from WPS, .ods and .csv files can be read.</translation>
    </message>
    <message>
        <source>表格文件的位置</source>
        <translation>Location of the spreadsheet</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>选择要导入的表格</source>
        <translation>Choose the spreadsheet to import</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在打开文件…</source>
        <translation>Opening the file…</translation>
    </message>
</context>
<context>
    <name>FilesBox</name>
    <message>
        <source>添加照片或扫描件…</source>
        <translation>Add photo or scan…</translation>
    </message>
    <message>
        <source>移除所选附件</source>
        <translation>Remove selected attachment</translation>
    </message>
    <message>
        <source>添加照片或扫描件</source>
        <translation>Add photo or scan</translation>
    </message>
    <message>
        <source>照片和扫描件 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;所有文件 (*)</source>
        <translation>Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>无法读取文件 {0}。</source>
        <translation>Cannot read the file {0}.</translation>
    </message>
    <message>
        <source>文件 {0} 有 {1:.1f} MB，超过 {2} MB 的上限。请压缩照片或拆分扫描件后再添加。</source>
        <translation>The file {0} is {1:.1f} MB, over the {2} MB limit. Please compress the photo or split the scan, then add it again.</translation>
    </message>
    <message>
        <source>{0} 不是图片或 PDF 文件（只能添加 JPG、PNG、GIF、BMP、WEBP 照片和 PDF 扫描件）。</source>
        <translation>{0} is not a picture or PDF file (only JPG, PNG, GIF, BMP and WEBP photos and PDF scans can be added).</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>显示全部</source>
        <translation>Show all</translation>
    </message>
</context>
<context>
    <name>FilteredTab</name>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>全部组织</source>
        <translation>All organisations</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>编制桌面 — 首次使用</source>
        <translation>bzdesk — first start</translation>
    </message>
    <message>
        <source>单位：{0}（{1}，{2}）
管理员：{3}（{4}）

数据目录：{5}</source>
        <translation>Office: {0} ({1}, {2})
Administrator: {3} ({4})

Data folder: {5}</translation>
    </message>
    <message>
        <source>正在初始化本单位并生成密钥…</source>
        <translation>Setting up the office and generating its keys…</translation>
    </message>
</context>
<context>
    <name>FontsTab</name>
    <message>
        <source>正文（仿宋，如 仿宋_GB2312）</source>
        <translation>Body text (FangSong, e.g. 仿宋_GB2312)</translation>
    </message>
    <message>
        <source>标题（小标宋，如 方正小标宋简体）</source>
        <translation>Titles (Xiaobiaosong, e.g. 方正小标宋简体)</translation>
    </message>
    <message>
        <source>小标题（黑体）</source>
        <translation>Headings (Heiti)</translation>
    </message>
    <message>
        <source>未选择：使用内置字体</source>
        <translation>None chosen: built-in font</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>保存字体设置</source>
        <translation>Save font settings</translation>
    </message>
    <message>
        <source>报表的封面、说明页按 GB/T 9704 使用仿宋、小标宋和黑体。请选择本单位电脑上已有的 TrueType 字体文件（.ttf）；字体会嵌入 PDF，在其他电脑上打开也一样。未选择的字体用内置明体代替；生僻字在所选字体中没有时，自动用内置字体补上。</source>
        <translation>Report covers and explanation pages use FangSong, Xiaobiaosong and Heiti as GB/T 9704 requires. Choose TrueType font files (.ttf) already on this office’s computers; the fonts are embedded in the PDF, so it looks the same on other computers. A font not chosen is replaced by the built-in Ming font; rare characters missing from a chosen font are filled in from the built-in font.</translation>
    </message>
    <message>
        <source>只有管理员可以修改字体设置。</source>
        <translation>Only the administrator can change the font settings.</translation>
    </message>
    <message>
        <source>选择字体文件</source>
        <translation>Choose font file</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
    <message>
        <source>正在检查字体…</source>
        <translation>Checking the font…</translation>
    </message>
    <message>
        <source>字体设置已保存，以后生成的报表使用所选字体。</source>
        <translation>Font settings saved: reports made from now on use the chosen fonts.</translation>
    </message>
    <message>
        <source>已改回内置字体。</source>
        <translation>Back to the built-in fonts.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>超编</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <source>打开“机构编制”查看各单位编制</source>
        <translation>Open “Staffing” to see each unit’s posts</translation>
    </message>
    <message>
        <source>空编</source>
        <translation>Vacant posts</translation>
    </message>
    <message>
        <source>周转池逾期未还</source>
        <translation>Overdue pool loans</translation>
    </message>
    <message>
        <source>打开“机构编制”查看编制周转池</source>
        <translation>Open “Staffing” to see the staffing pool</translation>
    </message>
    <message>
        <source>12 个月内到龄退休</source>
        <translation>Retiring within 12 months</translation>
    </message>
    <message>
        <source>打开“实名管理”查看人员</source>
        <translation>Open “Roster” to see the people</translation>
    </message>
    <message>
        <source>逾期未办结问题</source>
        <translation>Overdue open problems</translation>
    </message>
    <message>
        <source>打开“走访调研”查看问题清单</source>
        <translation>Open “Visits” to see the problem list</translation>
    </message>
    <message>
        <source>本期未开展的党建活动</source>
        <translation>Party activities missing this period</translation>
    </message>
    <message>
        <source>打开“党建活动”查看开展情况</source>
        <translation>Open “Party” to see what was held</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>打开“数据交换”导出数据包、处理冲突</source>
        <translation>Open “Data exchange” to export bundles and resolve conflicts</translation>
    </message>
    <message>
        <source>核定与实有（按编制类型，各类型分别按比例显示，不相加）</source>
        <translation>Approved and filled (per staffing category, each on its own scale, never added together)</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <source>最近备份</source>
        <translation>Latest backup</translation>
    </message>
    <message>
        <source>数据目录：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <source>统计日期：{0}（点击方块打开对应页面）</source>
        <translation>As of {0} (click a tile to open its page)</translation>
    </message>
    <message>
        <source>{0} 个单位超编（按单位 × 编制类型计）{1}</source>
        <translation>{0} units over quota (counted per unit × category){1}</translation>
    </message>
    <message>
        <source>{0} 个单位有空编，可用于用编计划</source>
        <translation>{0} units have vacant posts for hiring plans</translation>
    </message>
    <message>
        <source>借出编制已过归还期限</source>
        <translation>Lent posts past their return date</translation>
    </message>
    <message>
        <source>含已到退休日期仍在编的人员</source>
        <translation>Includes people past retirement still in post</translation>
    </message>
    <message>
        <source>办理时限已过仍未办结</source>
        <translation>Past the deadline and not yet done</translation>
    </message>
    <message>
        <source>{0}：{1} 个党组织有规定活动未开展</source>
        <translation>{0}: {1} party organisations missed required activities</translation>
    </message>
    <message>
        <source>{0} 个交换对象有新数据待发送，{1} 个待确认，{2} 个冲突待处理</source>
        <translation>{0} peers have new data to send, {1} awaiting acknowledgement, {2} conflicts to resolve</translation>
    </message>
    <message>
        <source>启用 {0} 个，共 {1} 个</source>
        <translation>{0} active of {1}</translation>
    </message>
    <message>
        <source>最近一条：{0}</source>
        <translation>Latest: {0}</translation>
    </message>
    <message>
        <source>还没有</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>请在“系统管理 → 数据备份”中备份。</source>
        <translation>Back up under “System → Backups”.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>导入机构名单</source>
        <translation>Import unit list</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在逐行检查…</source>
        <translation>Checking row by row…</translation>
    </message>
    <message>
        <source>检查已取消。点“上一步”再“下一步”可以重新检查。</source>
        <translation>The check was cancelled. Press “Back” and then “Next” to check again.</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已取消导入，没有写入任何数据。</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
</context>
<context>
    <name>IssuesTab</name>
    <message>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>发现于</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>查找问题或责任单位</source>
        <translation>Search problems or responsible units</translation>
    </message>
    <message>
        <source>办理…</source>
        <translation>Process…</translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
</context>
<context>
    <name>LeaderDialog</name>
    <message>
        <source>核定领导职数：{0}</source>
        <translation>Approve leadership posts: {0}</translation>
    </message>
    <message>
        <source>核定职数的文件文号</source>
        <translation>Doc. no. of the approving document</translation>
    </message>
    <message>
        <source>正职职数</source>
        <translation>Head posts</translation>
    </message>
    <message>
        <source>现核定 {0} 名，实配 {1} 名</source>
        <translation>now approved {0}, filled {1}</translation>
    </message>
    <message>
        <source>副职职数</source>
        <translation>Deputy posts</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>职数没有改动。</source>
        <translation>The numbers were not changed.</translation>
    </message>
    <message>
        <source>核定领导职数</source>
        <translation>Approve leadership posts</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>出编：{0}</source>
        <translation>Leave establishment: {0}</translation>
    </message>
    <message>
        <source>出编</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>{0}，{1}，{2} 入编</source>
        <translation>{0}, {1}, entered {2}</translation>
    </message>
    <message>
        <source>出编文号（可不填）</source>
        <translation>Doc. no. (optional)</translation>
    </message>
    <message>
        <source>出编方式</source>
        <translation>Exit route</translation>
    </message>
    <message>
        <source>出编时间</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>从周转池借出编制</source>
        <translation>Lend posts from the pool</translation>
    </message>
    <message>
        <source>借用机构</source>
        <translation>Borrowing unit</translation>
    </message>
    <message>
        <source>归还期限</source>
        <translation>Return by</translation>
    </message>
    <message>
        <source>周转池可借出 {0} 名</source>
        <translation>{0} posts available in the pool</translation>
    </message>
    <message>
        <source>请从列表中选择机构。</source>
        <translation>Please choose a unit from the list.</translation>
    </message>
    <message>
        <source>{0} 已设为只出不进，不能借用编制。</source>
        <translation>{0} is under a hiring freeze and cannot borrow posts.</translation>
    </message>
    <message>
        <source>归还期限应晚于借出日期。</source>
        <translation>The return date must be later than the lending date.</translation>
    </message>
    <message>
        <source>借出编制</source>
        <translation>Lend posts</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 编制桌面</source>
        <translation>Log in — bzdesk</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>编制桌面</source>
        <translation>bzdesk</translation>
    </message>
    <message>
        <source>请输入用户名。</source>
        <translation>Please enter your user name.</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Please enter your password.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>编制桌面 — {0}</source>
        <translation>bzdesk — {0}</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>备份数据库</source>
        <translation>&amp;Back up database</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于编制桌面</source>
        <translation>&amp;About bzdesk</translation>
    </message>
    <message>
        <source>用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <source>角色：{0}</source>
        <translation>Role: {0}</translation>
    </message>
    <message>
        <source>这一页没有查找框。</source>
        <translation>This page has no search box.</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>数据库已备份到：
{0}</source>
        <translation>The database was backed up to:
{0}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>核对表头</source>
        <translation>Check the headings</translation>
    </message>
    <message>
        <source>已自动识别表头。如有列对应错了，请在右边重新选择；带 * 的必须有。</source>
        <translation>The headings were recognised automatically. If a column is matched wrongly, choose again on the right; the ones marked * are required.</translation>
    </message>
    <message>
        <source>记住我手动选择的列名，下次自动识别</source>
        <translation>Remember the column names I chose by hand, and recognise them next time</translation>
    </message>
    <message>
        <source>表头所在行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>工作表“{0}”的表头在第 {1} 行，数据从第 {2} 行开始。</source>
        <translation>Sheet “{0}” has its headings in row {1}; the data starts in row {2}.</translation>
    </message>
    <message>
        <source>正在保存表头词典…</source>
        <translation>Saving the header dictionary…</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>第 {0} 列：{1}</source>
        <translation>Column {0}: {1}</translation>
    </message>
    <message>
        <source>还没有选择：{0}</source>
        <translation>Not chosen yet: {0}</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>修改活动记录</source>
        <translation>Edit activity record</translation>
    </message>
    <message>
        <source>登记活动记录</source>
        <translation>Record an activity</translation>
    </message>
    <message>
        <source>第一议题（首先学习最新重要讲话、重要指示精神）</source>
        <translation>First agenda item (study the latest important speeches and instructions first)</translation>
    </message>
    <message>
        <source>全部出席</source>
        <translation>All present</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Minutes by</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>会议内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>决议</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>出席情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>全部参加并出席</source>
        <translation>All invited and present</translation>
    </message>
    <message>
        <source>应到 {0} 人，实到 {1} 人，请假 {2} 人，缺席 {3} 人</source>
        <translation>Expected {0}, present {1}, on leave {2}, absent {3}</translation>
    </message>
    <message>
        <source>请先建立党组织。</source>
        <translation>Please set up a party organisation first.</translation>
    </message>
    <message>
        <source>这个组织没有适用的活动类型。</source>
        <translation>No activity type applies to this organisation.</translation>
    </message>
    <message>
        <source>请填写活动主题。</source>
        <translation>Please enter the topic.</translation>
    </message>
    <message>
        <source>活动日期不能晚于今天。</source>
        <translation>The date cannot be later than today.</translation>
    </message>
    <message>
        <source>登记活动</source>
        <translation>Record activity</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>第一议题</source>
        <translation>First agenda item</translation>
    </message>
    <message>
        <source>应到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>实到</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>登记活动…</source>
        <translation>Record activity…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>打印记录…</source>
        <translation>Print record…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>全部组织</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>删除活动记录</source>
        <translation>Delete activity record</translation>
    </message>
    <message>
        <source>删除 {0} {1}“{2}”的记录吗？删除后不再计入统计。</source>
        <translation>Delete the record of {0} {1} “{2}”? It will no longer count in the statistics.</translation>
    </message>
    <message>
        <source>选择照片或扫描件</source>
        <translation>Choose photos or scans</translation>
    </message>
    <message>
        <source>图片或 PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf)</source>
        <translation>Pictures or PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>附件已添加。</source>
        <translation>Attachment added.</translation>
    </message>
    <message>
        <source>保存会议记录</source>
        <translation>Save meeting record</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成会议记录…</source>
        <translation>Making the meeting record…</translation>
    </message>
    <message>
        <source>已保存到 {0}（共 {1} 页）</source>
        <translation>Saved to {0} ({1} pages)</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>修改党员信息</source>
        <translation>Edit party member</translation>
    </message>
    <message>
        <source>登记党员</source>
        <translation>Record party member</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>离退休党员</source>
        <translation>Retired member</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>关联实名库</source>
        <translation>Roster entry</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>入党时间</source>
        <translation>Joined the Party</translation>
    </message>
    <message>
        <source>党员类别</source>
        <translation>Member type</translation>
    </message>
    <message>
        <source>报到社区</source>
        <translation>Check-in community</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>所在组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>编入日期</source>
        <translation>Joined organisation on</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>请先建立党支部或党小组。</source>
        <translation>Please set up a party branch or party group first.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>移动机构</source>
        <translation>Move unit</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>（无上级机构，作为顶层机构）</source>
        <translation>(no parent: a top-level unit)</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>新的上级机构</source>
        <translation>New parent unit</translation>
    </message>
    <message>
        <source>请从列表中选择上级机构。</source>
        <translation>Please choose the parent unit from the list.</translation>
    </message>
    <message>
        <source>这就是现在的上级机构，请选择另一个。</source>
        <translation>This is already the parent unit: please choose another.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>至少 8 位，同时包含字母和数字</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>填写本机所属的机构编制部门。单位代码是 6 位行政区划代码。</source>
        <translation>The organisation and staffing office this computer belongs to. The office code is its 6-digit administrative division code.</translation>
    </message>
    <message>
        <source>如 360121</source>
        <translation>e.g. 360121</translation>
    </message>
    <message>
        <source>如 南昌县委机构编制委员会办公室</source>
        <translation>e.g. 南昌县委机构编制委员会办公室</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <source>修改党组织</source>
        <translation>Edit party organisation</translation>
    </message>
    <message>
        <source>新建党组织</source>
        <translation>New party organisation</translation>
    </message>
    <message>
        <source>（无上级，顶层组织）</source>
        <translation>(no parent: top level)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>上级组织</source>
        <translation>Parent organisation</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Founded on</translation>
    </message>
    <message>
        <source>请填写组织名称。</source>
        <translation>Please enter the organisation’s name.</translation>
    </message>
</context>
<context>
    <name>OrgsTab</name>
    <message>
        <source>党组织</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Founded on</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>{0} 撤销</source>
        <translation>Dissolved {0}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>所在组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>（离退休）</source>
        <translation>(retired)</translation>
    </message>
    <message>
        <source>入党时间</source>
        <translation>Joined the Party</translation>
    </message>
    <message>
        <source>实名库</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>已关联</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>报到社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>新建组织…</source>
        <translation>New organisation…</translation>
    </message>
    <message>
        <source>修改组织…</source>
        <translation>Edit organisation…</translation>
    </message>
    <message>
        <source>登记党员…</source>
        <translation>Record member…</translation>
    </message>
    <message>
        <source>修改党员…</source>
        <translation>Edit member…</translation>
    </message>
    <message>
        <source>组织调整/转出…</source>
        <translation>Move / transfer out…</translation>
    </message>
    <message>
        <source>党员编入党支部或党小组；一名党员同一时间只属于一个党支部。上级组织的党员数包含下级组织。</source>
        <translation>Party members belong to a party branch or party group, and to one branch at a time. The member count of an organisation includes those of the organisations under it.</translation>
    </message>
    <message>
        <source>{0}的党员</source>
        <translation>Members of {0}</translation>
    </message>
</context>
<context>
    <name>PartyPage</name>
    <message>
        <source>达标看板</source>
        <translation>Compliance board</translation>
    </message>
    <message>
        <source>组织和党员</source>
        <translation>Organisations and members</translation>
    </message>
    <message>
        <source>活动记录</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>Volunteer service</translation>
    </message>
    <message>
        <source>进社区报到</source>
        <translation>Community check-in</translation>
    </message>
    <message>
        <source>党费</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>规则设置</source>
        <translation>Rules</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>本机会生成加密和签名用的密钥，密钥文件用这个口令加密保存。</source>
        <translation>This computer will generate keys for encryption and signing; the key files are stored encrypted with this passphrase.</translation>
    </message>
    <message>
        <source>至少 8 位</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>请牢记密钥口令，并抄写后妥善保管（例如封存在单位保密柜）。口令丢失后无法找回，也就无法再与上级和其他单位交换数据。</source>
        <translation>Remember the key passphrase and keep a written copy in a safe place (for example sealed in the office safe). A lost passphrase cannot be recovered, and without it no data can be exchanged with the office above or with other offices.</translation>
    </message>
    <message>
        <source>密钥口令</source>
        <comment>typed twice</comment>
        <translation>key passphrase</translation>
    </message>
</context>
<context>
    <name>PasswordTab</name>
    <message>
        <source>至少 8 位，同时包含字母和数字</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>为 {0}（{1}）修改登录密码。</source>
        <translation>Change the login password of {0} ({1}).</translation>
    </message>
    <message>
        <source>请输入原密码。</source>
        <translation>Please enter the current password.</translation>
    </message>
    <message>
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation>Password changed. Use the new password next time you log in.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>修改人员信息</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>18 位，末位可为 X；15 位老号码自动升位</source>
        <translation>18 characters, the last may be X; old 15-digit numbers are converted</translation>
    </message>
    <message>
        <source>由身份证号码得出</source>
        <translation>From the ID number</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political affiliation</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>学位</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>参加工作时间</source>
        <translation>Started work</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身份证号码 {0} 已登记为“{1}”，不能重复登记。</source>
        <translation>The ID number {0} is already recorded for “{1}” and cannot be recorded twice.</translation>
    </message>
    <message>
        <source>联系电话只能包含数字、“-”、“+”和括号。</source>
        <translation>A phone number may only contain digits, “-”, “+” and brackets.</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>（未选择人员）</source>
        <translation>(no person selected)</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political affiliation</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>学位</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>参加工作时间</source>
        <translation>Started work</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>法定退休</source>
        <translation>Statutory retirement</translation>
    </message>
    <message>
        <source>入编时间</source>
        <translation>Entered on</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>职务/岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>（{0}职）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>入编方式</source>
        <translation>Entry route</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>出编</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>在编</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>超编理由</source>
        <translation>Over-quota reason</translation>
    </message>
    <message>
        <source>修改信息…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>入编…</source>
        <translation>Enter…</translation>
    </message>
    <message>
        <source>出编…</source>
        <translation>Leave…</translation>
    </message>
    <message>
        <source>调动…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>编制经历</source>
        <translation>Posting history</translation>
    </message>
    <message>
        <source>在编：{0}，{1}{2}</source>
        <translation>In post: {0}, {1}{2}</translation>
    </message>
    <message>
        <source>目前不在编</source>
        <translation>Not in post now</translation>
    </message>
    <message>
        <source>{0} 岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>{0} 个月</source>
        <translation> {0} months</translation>
    </message>
    <message>
        <source>{0}（{1}，按{2}）</source>
        <translation>{0} (at {1}, under {2})</translation>
    </message>
    <message>
        <source>，已到龄</source>
        <translation>, age reached</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>用编数</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>当前空编</source>
        <translation>Vacant now</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已使用</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>用编理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Approver’s opinion</translation>
    </message>
    <message>
        <source>申请用编…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <source>批准…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>驳回…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>批准的计划在有效期内按未使用数计入在途；黄色行的申请数超过当前空编，不能批准。</source>
        <translation>An approved plan counts as in process with its unused posts while it is valid; yellow rows request more posts than are vacant now and cannot be approved.</translation>
    </message>
    <message>
        <source>共 {0} 个计划，待审核 {1} 个</source>
        <translation>{0} plans, {1} awaiting approval</translation>
    </message>
    <message>
        <source>您的角色只能查看，不能申请用编。</source>
        <translation>Your role can only view: it cannot apply for hiring plans.</translation>
    </message>
    <message>
        <source>只有审核人可以批准或驳回用编计划。</source>
        <translation>Only an approver can approve or reject hiring plans.</translation>
    </message>
    <message>
        <source>请选择一个待审核的计划。</source>
        <translation>Please select a plan awaiting approval.</translation>
    </message>
</context>
<context>
    <name>PoolTab</name>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>累计收回</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>累计借出</source>
        <translation>Lent</translation>
    </message>
    <message>
        <source>累计归还</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>借出日期</source>
        <translation>Lent on</translation>
    </message>
    <message>
        <source>借用机构</source>
        <translation>Borrowing unit</translation>
    </message>
    <message>
        <source>借出</source>
        <translation>Lent</translation>
    </message>
    <message>
        <source>已归还</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>未归还</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>归还期限</source>
        <translation>Return by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制数</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>收回…</source>
        <translation>Recover…</translation>
    </message>
    <message>
        <source>借出…</source>
        <translation>Lend…</translation>
    </message>
    <message>
        <source>归还…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>周转池余额（按编制类型）</source>
        <translation>Pool balance (per staffing category)</translation>
    </message>
    <message>
        <source>借出编制</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未还清</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>已还清</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>有 {0} 笔借出已逾期未归还，共 {1} 名</source>
        <translation>{0} loans are overdue: {1} posts in all</translation>
    </message>
    <message>
        <source>您的角色只能查看，不能办理周转池业务。</source>
        <translation>Your role can only view: it cannot handle staffing pool operations.</translation>
    </message>
    <message>
        <source>请先选择一笔未还清的借出。</source>
        <translation>Please select an outstanding loan first.</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>入编：{0}</source>
        <translation>Enter establishment: {0}</translation>
    </message>
    <message>
        <source>入编</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>入编文号或控编通知单号</source>
        <translation>Doc. no. or staffing-control notice no.</translation>
    </message>
    <message>
        <source>入编方式</source>
        <translation>Entry route</translation>
    </message>
    <message>
        <source>入编时间</source>
        <translation>Entered on</translation>
    </message>
    <message>
        <source>文号/通知单号</source>
        <translation>Doc. / notice no.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>红色单元格有问题，鼠标停在上面可以看到原因。全部正确才能导入。</source>
        <translation>Red cells have problems: rest the mouse on one to see why. Only a sheet without problems can be imported.</translation>
    </message>
    <message>
        <source>只看有问题的行</source>
        <translation>Only rows with problems</translation>
    </message>
    <message>
        <source>保存错误报告…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在保存错误报告…</source>
        <translation>Saving the error report…</translation>
    </message>
    <message>
        <source>错误报告已保存到 {0}。在 Excel 或 WPS 中按红色单元格改好后，可以直接用它重新导入。</source>
        <translation>The error report was saved to {0}. Correct the red cells in Excel or WPS, then import that file again.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>用 PDF 阅读器打开</source>
        <translation>Open in PDF reader</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 {0} 页</source>
        <translation>of {0}</translation>
    </message>
    <message>
        <source>显示：</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <source>本机没有 PDF 预览组件（pdftoppm），无法在这里显示和打印。报表已生成：{0}。请点“用 PDF 阅读器打开”查看和打印。</source>
        <translation>This computer has no PDF preview component (pdftoppm), so the report cannot be shown or printed here. The report was made: {0}. Press “Open in PDF reader” to view and print it.</translation>
    </message>
    <message>
        <source>正在显示第 {0} 页…</source>
        <translation>Showing page {0}…</translation>
    </message>
    <message>
        <source>已送往打印机：{0} 页。</source>
        <translation>Sent to the printer: {0} pages.</translation>
    </message>
    <message>
        <source>没有打印。</source>
        <translation>Nothing was printed.</translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message>
        <source>发现的问题，回车添加</source>
        <translation>Problem found; press Enter to add</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>添加问题</source>
        <translation>Add problem</translation>
    </message>
    <message>
        <source>移除所选问题</source>
        <translation>Remove selected problem</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>请填写问题和责任单位。</source>
        <translation>Please enter the problem and the responsible unit.</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>核定编制：{0}</source>
        <translation>Approve posts: {0}</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Staffing category</translation>
    </message>
    <message>
        <source>现核定</source>
        <translation>Approved now</translation>
    </message>
    <message>
        <source>新核定</source>
        <translation>New approval</translation>
    </message>
    <message>
        <source>{0} 名</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>核定编制的文件文号</source>
        <translation>Doc. no. of the approving document</translation>
    </message>
    <message>
        <source>核定编制数</source>
        <translation>Approved posts</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>各编制类型分别核定，不相加；只写入改动了的编制类型。现核定不含向周转池借用的编制。</source>
        <translation>Each staffing category is approved separately, never added together; only the categories you change are recorded. “Approved now” leaves out posts borrowed from the pool.</translation>
    </message>
    <message>
        <source>请修改至少一种编制类型的核定数。</source>
        <translation>Please change the approved number of at least one category.</translation>
    </message>
    <message>
        <source>核定编制</source>
        <translation>Approve posts</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>带队领导</source>
        <translation>Leading official</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>走访地点</source>
        <translation>Place visited</translation>
    </message>
    <message>
        <source>走访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>查找领导、联系点、地点或目的</source>
        <translation>Search leaders, liaison points, places or purposes</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>新建走访记录 (Ctrl+N)</source>
        <translation>New visit record (Ctrl+N)</translation>
    </message>
    <message>
        <source>打开/修改</source>
        <translation>Open / edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>继续编辑草稿</source>
        <translation>Continue draft</translation>
    </message>
    <message>
        <source>有 {0} 份未保存的走访记录草稿</source>
        <translation>{0} unsaved draft visit records</translation>
    </message>
    <message>
        <source>删除走访记录</source>
        <translation>Delete visit record</translation>
    </message>
    <message>
        <source>删除 {0} {1}的{2}记录（连同未交办的问题和附件）吗？</source>
        <translation>Delete the {2} record of {1} on {0} (with its problems not yet assigned and its attachments)?</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>收回编制到周转池</source>
        <translation>Recover posts into the pool</translation>
    </message>
    <message>
        <source>收回机构</source>
        <translation>Recover from</translation>
    </message>
    <message>
        <source>只能收回空编。</source>
        <translation>Only vacant posts can be recovered.</translation>
    </message>
    <message>
        <source>收回编制</source>
        <translation>Recover posts</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>生成报表</source>
        <translation>Make reports</translation>
    </message>
    <message>
        <source>字体设置</source>
        <translation>Fonts</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>统计日期在编的全部人员，按单位分组：序号、姓名、性别、出生年月、单位、编制类型、职务、入编时间。</source>
        <translation>Everyone in post on the reference date, grouped by unit: no., name, sex, month of birth, unit, staffing category, position, date of entry.</translation>
    </message>
    <message>
        <source>各单位分编制类型的核定、实有、在途、空编、超编（各类型并列、不相加），编制类型汇总，领导职数配备，本年度人员增减。</source>
        <translation>Approved, filled, in process, vacant and over-quota posts of each unit per staffing category (side by side, never added together), category totals, leadership posts, and this year’s entries and exits.</translation>
    </message>
    <message>
        <source>领导（专员）× 联系点 × 季度的走访情况，年度走访发现问题清单，按责任单位的问题办理情况。</source>
        <translation>Visits per leader (liaison officer) × liaison point × quarter, the year’s list of problems found, and how each responsible unit handled its problems.</translation>
    </message>
    <message>
        <source>各党组织年度活动统计，活动台账（应到、实到、请假、缺席），志愿服务，在职党员进社区报到台账。</source>
        <translation>Each party organisation’s activity statistics for the year, the activity ledger (expected, present, on leave, absent), volunteer service and the community check-in ledger of serving members.</translation>
    </message>
    <message>
        <source>统计日期</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>报表按当前数据生成：花名册和编制统计表按统计日期，走访和党建台账按年度。每份 PDF 含封面、说明和各表格，表格页注明“第 N 页 共 M 页”。</source>
        <translation>Reports are made from the current data: the roster and staffing statistics as of the reference date, the visits report and party ledger for the year. Each PDF has a cover, an explanation page and the tables, numbered “page N of M”.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码：{0}（{1}）</source>
        <translation>Reset password: {0} ({1})</translation>
    </message>
    <message>
        <source>至少 8 位，同时包含字母和数字</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
</context>
<context>
    <name>RetirementTab</name>
    <message>
        <source> 个月内</source>
        <translation> months ahead</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>退休年龄</source>
        <translation>Retirement age</translation>
    </message>
    <message>
        <source>法定退休日期</source>
        <translation>Statutory retirement date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已到龄，仍在编</source>
        <translation>Age reached, still in post</translation>
    </message>
    <message>
        <source>法定退休年龄将到（或已到）的在编人员：</source>
        <translation>People in post reaching (or past) statutory retirement age within:</translation>
    </message>
    <message>
        <source>退休年龄按 2025 年起渐进式延迟法定退休年龄的规定，按出生年月、性别和岗位（工勤编制按女工人）计算。</source>
        <translation>Retirement ages follow the gradual raising of the statutory retirement age from 2025, by month of birth, sex and post (service-staff posts count as female workers).</translation>
    </message>
    <message>
        <source>{0} 岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>{0} 个月</source>
        <translation> {0} months</translation>
    </message>
    <message>
        <source>共 {0} 人，其中已到龄 {1} 人</source>
        <translation>{0} people, {1} of them past the age</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>归还借用的编制</source>
        <translation>Return borrowed posts</translation>
    </message>
    <message>
        <source>归还</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>{0} {1} {2} {3} 名，归还期限 {4}</source>
        <translation>{0} {1} {2}: {3} posts, return by {4}</translation>
    </message>
    <message>
        <source>借出</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>未归还</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>{0} 名</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>归还数</source>
        <translation>Posts returned</translation>
    </message>
    <message>
        <source>归还日期</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>归还编制</source>
        <translation>Return posts</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>修改角色：{0}（{1}）</source>
        <translation>Change role: {0} ({1})</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>请选择一个不同的角色。</source>
        <translation>Please choose a different role.</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>退休提醒</source>
        <translation>Retirements</translation>
    </message>
    <message>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>从 Excel 花名册导入人员和在编情况</source>
        <translation>Import people and their posts from an Excel roster</translation>
    </message>
    <message>
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <source>导出可再次导入的 Excel 花名册（查看者导出的身份证号已隐去中间位）</source>
        <translation>Export an Excel roster that can be imported again (a viewer&apos;s export has the middle digits of ID numbers hidden)</translation>
    </message>
    <message>
        <source>实名管理</source>
        <translation>Roster</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>查找：姓名、身份证号码片段或拼音首字母（如 zsf）</source>
        <translation>Search: name, part of the ID number or pinyin initials (e.g. zsf)</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>含下级单位</source>
        <translation>Include sub-units</translation>
    </message>
    <message>
        <source>全部编制类型</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>在编</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>已出编</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>新增人员…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>新增人员 (Ctrl+N)</source>
        <translation>New person (Ctrl+N)</translation>
    </message>
    <message>
        <source>正在统计人数…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>每期至少</source>
        <translation>At least per period</translation>
    </message>
    <message>
        <source>{0} 次</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>适用组织</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>应到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>全体党员</source>
        <translation>All members</translation>
    </message>
    <message>
        <source>通知参加的人员</source>
        <translation>Those invited</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>新增活动类型…</source>
        <translation>New activity type…</translation>
    </message>
    <message>
        <source>修改活动类型…</source>
        <translation>Edit activity type…</translation>
    </message>
    <message>
        <source>修改党费比例…</source>
        <translation>Change dues rates…</translation>
    </message>
    <message>
        <source>规定活动按频次逐期检查：每月、每季度、每半年或每年至少开展规定次数；“按计划”的活动只统计，不检查。组织成立当期不作要求。这些设置由管理员修改。</source>
        <translation>Required activities are checked period by period: each month, quarter, half-year or year at least the required number must be held; activities held “as planned” are only counted, not checked. Nothing is required in the period an organisation is founded. The administrator changes these settings.</translation>
    </message>
    <message>
        <source>党费比例（按月计算基数全额计算）：在职党员 {0}；离退休党员 {1}；连续 {2} 个月未交提醒。</source>
        <translation>Party dues rates (on the whole monthly base): serving members {0}; retired members {1}; reminder after {2} unpaid months in a row.</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <source>录入在校学生数（{0} 学年）</source>
        <translation>Enter enrolment ({0} school year)</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> pupils</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>学段</source>
        <translation>School stage</translation>
    </message>
    <message>
        <source>学校所在地</source>
        <translation>School location</translation>
    </message>
    <message>
        <source>在校学生数</source>
        <translation>Pupils enrolled</translation>
    </message>
    <message>
        <source>请从列表中选择学校。</source>
        <translation>Please choose a school from the list.</translation>
    </message>
    <message>
        <source>录入在校学生数</source>
        <translation>Enter enrolment</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>设置只对这台电脑生效，保存在数据目录中。</source>
        <translation>Settings apply to this computer only and are kept in the data folder.</translation>
    </message>
    <message>
        <source>语言已保存，重新启动编制桌面后生效。</source>
        <translation>Language saved. It takes effect when bzdesk is started again.</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>选择工作表</source>
        <translation>Choose sheet</translation>
    </message>
    <message>
        <source>选择名单所在的工作表。</source>
        <translation>Choose the sheet that holds the list.</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>正在读取工作表…</source>
        <translation>Reading the sheet…</translation>
    </message>
</context>
<context>
    <name>StaffingPage</name>
    <message>
        <source>机构和编制</source>
        <translation>Units and posts</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Staffing categories</translation>
    </message>
    <message>
        <source>用编计划</source>
        <translation>Hiring plans</translation>
    </message>
    <message>
        <source>编制周转池</source>
        <translation>Staffing pool</translation>
    </message>
    <message>
        <source>中小学教职工编制</source>
        <translation>School staff posts</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>核定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>实有</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>空编</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>超编</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>正职核定</source>
        <translation>Heads approved</translation>
    </message>
    <message>
        <source>正职实配</source>
        <translation>Heads filled</translation>
    </message>
    <message>
        <source>副职核定</source>
        <translation>Deputies approved</translation>
    </message>
    <message>
        <source>副职实配</source>
        <translation>Deputies filled</translation>
    </message>
    <message>
        <source>超职数</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>入编</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>出编</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>按编制类型合计</source>
        <translation>Totals per staffing category</translation>
    </message>
    <message>
        <source>领导职数</source>
        <translation>Leadership posts</translation>
    </message>
    <message>
        <source>人员增减</source>
        <translation>Entries and exits</translation>
    </message>
    <message>
        <source>增减方式</source>
        <translation>Entries and exits by route</translation>
    </message>
    <message>
        <source>统计截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>人员增减期间</source>
        <translation>Entries and exits from</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>超编 {0} 处</source>
        <translation>{0} over quota</translation>
    </message>
    <message>
        <source>超职数 {0} 个机构</source>
        <translation>{0} units over leadership posts</translation>
    </message>
    <message>
        <source>机构编制统计（截至{0}）.xlsx</source>
        <translation>Staffing statistics (as of {0}).xlsx</translation>
    </message>
    <message>
        <source>导出机构编制统计</source>
        <translation>Export staffing statistics</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出机构编制统计…</source>
        <translation>Exporting the staffing statistics…</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>问题{0}</source>
        <translation>Problem: {0}</translation>
    </message>
    <message>
        <source>办理说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>确认整改的回访</source>
        <translation>Follow-up visit confirming the fix</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>确定{0}</source>
        <translation>Confirm: {0}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（审核确认）</source>
        <translation> (approver)</translation>
    </message>
    <message>
        <source>（没有回访，由审核人确认销号）</source>
        <translation>(no follow-up visit: the approver closes it off)</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Approver’s opinion</translation>
    </message>
    <message>
        <source>销号需要关联一次确认整改的回访记录；没有回访的，须由审核人填写意见后销号。</source>
        <translation>Closing off needs a follow-up visit record confirming the fix; without one, an approver must give an opinion and close it off.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>点“完成”后开始初始化，生成密钥需要几秒钟。</source>
        <translation>Press “Finish” to set up; generating the keys takes a few seconds.</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>数据备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>TeachersTab</name>
    <message>
        <source> 学年</source>
        <translation> school year</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>{0}学生</source>
        <translation>{0} pupils</translation>
    </message>
    <message>
        <source>标准编制</source>
        <translation>Standard posts</translation>
    </message>
    <message>
        <source>现有核定</source>
        <translation>Approved now</translation>
    </message>
    <message>
        <source>实有</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>空编</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>缺口</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <source>编制标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>学段</source>
        <translation>School stage</translation>
    </message>
    <message>
        <source>（不分）</source>
        <translation>(any)</translation>
    </message>
    <message>
        <source>每名教职工对应学生数</source>
        <translation>Pupils per staff post</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>编制数</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>录入学校学生数…</source>
        <translation>Enter enrolment…</translation>
    </message>
    <message>
        <source>接受调整方案…</source>
        <translation>Accept adjustment plan…</translation>
    </message>
    <message>
        <source>教职工编制标准（管理员可修改）</source>
        <translation>Staffing standards for schools (the administrator can change them)</translation>
    </message>
    <message>
        <source>调整方案（通过周转池）</source>
        <translation>Adjustment plan (through the pool)</translation>
    </message>
    <message>
        <source>学年</source>
        <translation>School year</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>双击学生数即可修改；标准编制按各学段学生数除以师生比、向上取整后相加。黄色：低于标准；蓝色：高于标准。</source>
        <translation>Double-click a pupil number to change it. Standard posts: the pupils of each stage divided by the pupil–staff ratio, rounded up, then added together. Yellow: below standard; blue: above standard.</translation>
    </message>
    <message>
        <source>周转池可用 {0} 名；方案先收回高于标准学校的空编，再按缺口从大到小借出。</source>
        <translation>{0} posts available in the pool; the plan first recovers vacant posts from schools above standard, then lends to the largest shortfalls first.</translation>
    </message>
    <message>
        <source>您的角色只能查看，不能调整编制。</source>
        <translation>Your role can only view: it cannot adjust posts.</translation>
    </message>
    <message>
        <source>没有需要调整的学校。</source>
        <translation>No school needs an adjustment.</translation>
    </message>
    <message>
        <source>学生数应为 0 到 {0} 之间的整数（现为“{1}”）。</source>
        <translation>The number of pupils must be a whole number from 0 to {0} (it is “{1}”).</translation>
    </message>
    <message>
        <source>录入在校学生数</source>
        <translation>Enter enrolment</translation>
    </message>
    <message>
        <source>修改教职工编制标准</source>
        <translation>Change school staffing standard</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>组织调整或转出：{0}</source>
        <translation>Move or transfer out: {0}</translation>
    </message>
    <message>
        <source>转出本单位</source>
        <translation>Transfer out of this office</translation>
    </message>
    <message>
        <source>转往何处，或调整原因</source>
        <translation>Where to, or the reason for the move</translation>
    </message>
    <message>
        <source>转往组织</source>
        <translation>To organisation</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>党员组织调整</source>
        <translation>Move party member</translation>
    </message>
    <message>
        <source>调动：{0}</source>
        <translation>Transfer: {0}</translation>
    </message>
    <message>
        <source>调动</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>现在：{0}，{1}</source>
        <translation>Now: {0}, {1}</translation>
    </message>
    <message>
        <source>调出</source>
        <translation>From</translation>
    </message>
    <message>
        <source>调动文号</source>
        <translation>Transfer doc. no.</translation>
    </message>
    <message>
        <source>调入方式</source>
        <translation>Transfer route</translation>
    </message>
    <message>
        <source>调动时间</source>
        <translation>Transferred on</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>超编调动</source>
        <translation>Transfer over quota</translation>
    </message>
</context>
<context>
    <name>TypeDialog</name>
    <message>
        <source>修改活动类型</source>
        <translation>Edit activity type</translation>
    </message>
    <message>
        <source>新增活动类型</source>
        <translation>New activity type</translation>
    </message>
    <message>
        <source>应到为本组织全体党员（不勾选：应到为通知参加的人员，如支委会、谈心谈话）</source>
        <translation>All members of the organisation are expected (unticked: only those invited, as for branch committee meetings or heart-to-heart talks)</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>每期至少</source>
        <translation>At least per period</translation>
    </message>
    <message>
        <source>适用组织</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>请填写名称。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>请至少选择一类组织。</source>
        <translation>Please choose at least one kind of organisation.</translation>
    </message>
</context>
<context>
    <name>UnitDetailPane</name>
    <message>
        <source>请在左侧选择一个机构</source>
        <translation>Select a unit on the left</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>核定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>实有</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>空编</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>超编</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <source>领导职数</source>
        <translation>Leadership posts</translation>
    </message>
    <message>
        <source>实配</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>超职数</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>核定编制（按编制类型分列，不相加）</source>
        <translation>Approved posts (per staffing category, never added together)</translation>
    </message>
    <message>
        <source>核定记录</source>
        <translation>Approval history</translation>
    </message>
    <message>
        <source>，并入{0}</source>
        <translation>, merged into {0}</translation>
    </message>
    <message>
        <source>，只出不进</source>
        <translation>, hiring freeze</translation>
    </message>
    <message>
        <source>正职</source>
        <translation>Heads</translation>
    </message>
    <message>
        <source>副职</source>
        <translation>Deputies</translation>
    </message>
    <message>
        <source>{0}超编 {1} 名</source>
        <translation>{0}: {1} over quota</translation>
    </message>
    <message>
        <source>{0}超职数 {1} 名</source>
        <translation>{0}: {1} over leadership posts</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>编辑机构</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <source>新增机构</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>18 位，暂无可不填</source>
        <translation>18 characters; leave empty if there is none yet</translation>
    </message>
    <message>
        <source>（无上级机构）</source>
        <translation>(no parent unit)</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>（不适用）</source>
        <translation>(not applicable)</translation>
    </message>
    <message>
        <source>如：示编发〔2024〕12号</source>
        <translation>e.g. 示编发〔2024〕12号</translation>
    </message>
    <message>
        <source>只出不进（不再进人，可以出编）</source>
        <translation>Hiring freeze (no one enters; people may leave)</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>上级机构</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>机构类别</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <source>机构级别</source>
        <translation>Unit level</translation>
    </message>
    <message>
        <source>事业单位分类</source>
        <translation>Public institution class</translation>
    </message>
    <message>
        <source>经费形式</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>批准文号</source>
        <translation>Approval doc. no.</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>请填写机构名称。</source>
        <translation>Please enter the unit name.</translation>
    </message>
    <message>
        <source>已有名为“{0}”的机构。</source>
        <translation>There is already a unit called “{0}”.</translation>
    </message>
    <message>
        <source>统一社会信用代码 {0} 已被“{1}”使用。</source>
        <translation>The unified social credit code {0} is already used by “{1}”.</translation>
    </message>
    <message>
        <source>请从列表中选择上级机构。</source>
        <translation>Please choose the parent unit from the list.</translation>
    </message>
    <message>
        <source>修改机构</source>
        <translation>Edit unit</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>查找机构：名称、简称、统一社会信用代码或拼音首字母（Ctrl+F）</source>
        <translation>Search units: name, short name, credit code or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <source>显示已撤并机构</source>
        <translation>Show closed units</translation>
    </message>
    <message>
        <source>新增机构</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>新增机构（Ctrl+N），默认放在所选机构之下</source>
        <translation>New unit (Ctrl+N), placed under the selected unit</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>移动…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <source>撤销或合并…</source>
        <translation>Close or merge…</translation>
    </message>
    <message>
        <source>设为只出不进</source>
        <translation>Freeze hiring</translation>
    </message>
    <message>
        <source>核定编制…</source>
        <translation>Approve posts…</translation>
    </message>
    <message>
        <source>领导职数…</source>
        <translation>Leadership posts…</translation>
    </message>
    <message>
        <source>导入机构名单…</source>
        <translation>Import unit list…</translation>
    </message>
    <message>
        <source>导出机构名单…</source>
        <translation>Export unit list…</translation>
    </message>
    <message>
        <source>导出可再次导入的 Excel 机构名单</source>
        <translation>Export an Excel unit list that can be imported again</translation>
    </message>
    <message>
        <source>共 {0} 个机构（正常 {1} 个），显示 {2} 个</source>
        <translation>{0} units ({1} active), {2} shown</translation>
    </message>
    <message>
        <source>您的角色只能查看，不能修改机构编制。</source>
        <translation>Your role can only view: it cannot change units and posts.</translation>
    </message>
    <message>
        <source>取消只出不进</source>
        <translation>Lift hiring freeze</translation>
    </message>
    <message>
        <source>设置只出不进</source>
        <translation>Hiring freeze</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>上次登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 {0}</source>
        <translation>Locked until {0}</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>停用“{0}（{1}）”后，该用户将不能登录。确定停用吗？</source>
        <translation>After disabling “{0} ({1})” that user can no longer log in. Disable?</translation>
    </message>
    <message>
        <source>启用用户</source>
        <translation>Enable user</translation>
    </message>
    <message>
        <source>解锁用户</source>
        <translation>Unlock user</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>修改走访记录</source>
        <translation>Edit visit record</translation>
    </message>
    <message>
        <source>新建走访记录</source>
        <translation>New visit record</translation>
    </message>
    <message>
        <source>姓名之间用顿号或空格隔开</source>
        <translation>Separate names with 、 or spaces</translation>
    </message>
    <message>
        <source>单位名称之间用顿号隔开</source>
        <translation>Separate unit names with 、</translation>
    </message>
    <message>
        <source>走访类型</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>带队领导</source>
        <translation>Leading official</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>走访地点</source>
        <translation>Place visited</translation>
    </message>
    <message>
        <source>走访单位</source>
        <translation>Units visited</translation>
    </message>
    <message>
        <source>走访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>发现的情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>照片和扫描件</source>
        <translation>Photos and scans</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>（不关联联系点）</source>
        <translation>(no liaison point)</translation>
    </message>
    <message>
        <source>草稿无法保存：{0}</source>
        <translation>The draft could not be saved: {0}</translation>
    </message>
    <message>
        <source>草稿已自动保存 {0}</source>
        <translation>Draft saved automatically at {0}</translation>
    </message>
    <message>
        <source>找不到单位：{0}。请从提示列表中选择单位名称。</source>
        <translation>Unit not found: {0}. Please choose unit names from the suggestions.</translation>
    </message>
    <message>
        <source>保存走访记录</source>
        <translation>Save visit record</translation>
    </message>
    <message>
        <source>关闭走访记录</source>
        <translation>Close visit record</translation>
    </message>
    <message>
        <source>这次录入还没有保存。保留草稿，下次可以继续编辑吗？
选“否”将丢弃草稿。</source>
        <translation>This record is not saved yet. Keep it as a draft to continue next time?
“No” discards the draft.</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>走访记录</source>
        <translation>Visit records</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>挂点安排</source>
        <translation>Liaison assignments</translation>
    </message>
    <message>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>{0} → {1}，{2} 至 {3}</source>
        <translation>{0} → {1}, {2} to {3}</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>登记志愿服务</source>
        <translation>Record volunteer service</translation>
    </message>
    <message>
        <source>社区或服务地点</source>
        <translation>Community or place of service</translation>
    </message>
    <message>
        <source>如 2 或 2.5（每次不超过 24 小时）</source>
        <translation>e.g. 2 or 2.5 (at most 24 hours a time)</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>服务地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>请先登记党员。</source>
        <translation>Please record the party members first.</translation>
    </message>
    <message>
        <source>请填写服务地点。</source>
        <translation>Please enter the place.</translation>
    </message>
    <message>
        <source>请填写时长。</source>
        <translation>Please enter the hours.</translation>
    </message>
</context>
<context>
    <name>VolunteerTab</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Turnouts</translation>
    </message>
    <message>
        <source>登记志愿服务…</source>
        <translation>Record service…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除志愿服务记录</source>
        <translation>Delete volunteer record</translation>
    </message>
</context>
<context>
    <name>_MoveDialog</name>
    <message>
        <source>编制类型</source>
        <translation>Staffing category</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>编制数</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>（正在读取…）</source>
        <translation>(loading…)</translation>
    </message>
    <message>
        <source>（选择机构和编制类型后显示）</source>
        <translation>(shown once a unit and category are chosen)</translation>
    </message>
    <message>
        <source>请从列表中选择机构。</source>
        <translation>Please choose a unit from the list.</translation>
    </message>
    <message>
        <source>最多 {0} 名。</source>
        <translation>At most {0}.</translation>
    </message>
</context>
<context>
    <name>_PostForm</name>
    <message>
        <source>（请选择单位）</source>
        <translation>(choose a unit)</translation>
    </message>
    <message>
        <source>如 科员、副局长、专业技术岗位</source>
        <translation>e.g. 科员, 副局长, 专业技术岗位</translation>
    </message>
    <message>
        <source>非领导职务</source>
        <translation>Not a leadership post</translation>
    </message>
    <message>
        <source>正职</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>副职</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <source>超编的理由（必填，记入审计日志）</source>
        <translation>Reason for exceeding the quota (required, goes into the audit log)</translation>
    </message>
    <message>
        <source>超编理由</source>
        <translation>Over-quota reason</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Staffing category</translation>
    </message>
    <message>
        <source>职务/岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>领导职务</source>
        <translation>Leadership post</translation>
    </message>
    <message>
        <source>超编入编</source>
        <translation>Enter over quota</translation>
    </message>
    <message>
        <source>请选择单位。</source>
        <translation>Please choose a unit.</translation>
    </message>
    <message>
        <source>请选择编制类型。</source>
        <translation>Please choose a staffing category.</translation>
    </message>
    <message>
        <source>{0}必须写明理由。</source>
        <translation>{0} needs a reason.</translation>
    </message>
    <message>
        <source>如确需超编，请写明理由后点“{0}”（记入审计日志）。</source>
        <translation>If exceeding the quota is really needed, give the reason and press “{0}” (it goes into the audit log).</translation>
    </message>
    <message>
        <source>{0}须由审核人办理。</source>
        <translation>{0} must be done by an approver.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>编制桌面</source>
        <translation>bzdesk</translation>
    </message>
    <message>
        <source>编制桌面已经在运行（数据目录 {0}）。</source>
        <translation>bzdesk is already running (data folder {0}).</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>第 {0} 行 </source>
        <translation>Row {0} </translation>
    </message>
    <message>
        <source>……共 {0} 处问题</source>
        <translation>… {0} problems in all</translation>
    </message>
    <message>
        <source>编制桌面</source>
        <translation>bzdesk</translation>
    </message>
    <message>
        <source>出错了，这一步没有完成。</source>
        <translation>Something went wrong: this step was not completed.</translation>
    </message>
    <message>
        <source>详细信息已记录在日志文件 {0}。</source>
        <translation>The details were written to the log file {0}.</translation>
    </message>
    <message>
        <source>需要求助时，请点“复制详细信息”，把内容发给技术支持。</source>
        <translation>To ask for help, press “Copy details” and send the text to technical support.</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>import_wizard</name>
    <message>
        <source>花名册</source>
        <translation>roster</translation>
    </message>
    <message>
        <source>机构名单</source>
        <translation>unit list</translation>
    </message>
    <message>
        <source>导出{0}</source>
        <translation>Export {0}</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件（UTF-8）(*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (UTF-8) (*.csv)</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>正在导出{0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>录入员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>查看者</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>view</translation>
    </message>
    <message>
        <source>录入和修改</source>
        <translation>enter and edit</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>approve</translation>
    </message>
    <message>
        <source>系统管理</source>
        <translation>administer the system</translation>
    </message>
    <message>
        <source>查看完整身份证号</source>
        <translation>see full ID numbers</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>exchange data</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>county</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>city</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>province</translation>
    </message>
    <message>
        <source>本县本级及所属单位</source>
        <translation>the county office and its units</translation>
    </message>
    <message>
        <source>本市本级及所辖各县（市、区）</source>
        <translation>the city office and the counties, county-level cities and districts under it</translation>
    </message>
    <message>
        <source>本省本级及所辖各市、县</source>
        <translation>the province office and the cities and counties under it</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>编制桌面</source>
        <translation>bzdesk</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>机构编制</source>
        <translation>Units &amp; posts</translation>
    </message>
    <message>
        <source>实名管理</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>走访调研</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>党建活动</source>
        <translation>Party activities</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>统计报表</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>系统管理</source>
        <translation>System</translation>
    </message>
    <message>
        <source>数据范围：{0}（{1}，{2}）—— {3}</source>
        <translation>Data scope: {0} ({1}, {2}) — {3}</translation>
    </message>
    <message>
        <source>这一部分尚在建设中，目前还不能录入或查看数据。</source>
        <translation>This part is still being built: it cannot hold or show data yet.</translation>
    </message>
</context>
<context>
    <name>passwords</name>
    <message>
        <source>密码</source>
        <comment>typed twice</comment>
        <translation>password</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <source>本机没有 PDF 预览组件（pdftoppm），请用 PDF 阅读器打开。</source>
        <translation>This computer has no PDF preview component (pdftoppm): please open the file in a PDF reader.</translation>
    </message>
    <message>
        <source>无法显示第 {0} 页：{1}</source>
        <translation>Cannot show page {0}: {1}</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>正在打印第 {0} 页（{1}–{2}）…</source>
        <translation>Printing page {0} ({1}–{2})…</translation>
    </message>
    <message>
        <source>无法开始打印，请检查打印机。</source>
        <translation>Printing could not start: please check the printer.</translation>
    </message>
    <message>
        <source>打印 {0}</source>
        <translation>Print {0}</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>实名制人员花名册</source>
        <translation>Real-name roster</translation>
    </message>
    <message>
        <source>机构编制统计表</source>
        <translation>Staffing statistics</translation>
    </message>
    <message>
        <source>挂点联系走访情况报表</source>
        <translation>Liaison visits report</translation>
    </message>
    <message>
        <source>机关党建工作台账</source>
        <translation>Party work ledger</translation>
    </message>
    <message>
        <source>{0}年度</source>
        <translation>year {0}</translation>
    </message>
    <message>
        <source>截至{0}</source>
        <translation>as of {0}</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>打印/导出报表</source>
        <translation>Print/export report</translation>
    </message>
    <message>
        <source>{0}：打印预览（{1}）、导出 PDF 或 Excel</source>
        <translation>{0}: print preview ({1}), export to PDF or Excel</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>正在生成{0}…</source>
        <translation>Making {0}…</translation>
    </message>
    <message>
        <source>保存报表</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>，{0} 页</source>
        <translation>, {0} pages</translation>
    </message>
    <message>
        <source>已保存到 {0}（{1} 行{2}）。</source>
        <translation>Saved to {0} ({1} rows{2}).</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <source>如 2019-07-01，只知月份写 2019.07</source>
        <translation>e.g. 2019-07-01; if only the month is known, 2019.07</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>请填写日期。</source>
        <translation>Please enter the date.</translation>
    </message>
    <message>
        <source>日期不能晚于今天。</source>
        <translation>The date cannot be later than today.</translation>
    </message>
    <message>
        <source>在编</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>未入编</source>
        <translation>Never entered</translation>
    </message>
    <message>
        <source>{0} 出编</source>
        <translation>Left {0}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>编制类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>职务/岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>入编时间</source>
        <translation>Entered on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>staffing</name>
    <message>
        <source>核定 {0} 名，实有 {1} 名，在途 {2} 名，空编 {3} 名</source>
        <translation>Approved {0}, filled {1}, in process {2}, vacant {3}</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>没有可以恢复的备份。请联系技术支持，不要删除数据目录中的任何文件。</source>
        <translation>There is no backup to restore from. Please contact technical support, and do not delete any file in the data folder.</translation>
    </message>
    <message>
        <source>要用最近的备份 {0} 恢复数据库吗？备份之后录入的数据需要重新录入。损坏的数据库文件会改名保留，不会被删除。</source>
        <translation>Restore the database from the latest backup {0}? Whatever was entered after that backup must be entered again. The damaged file is kept under a new name, not deleted.</translation>
    </message>
    <message>
        <source>正在从备份恢复…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <source>已从 {0} 恢复数据库。损坏的文件保留为 {1}。</source>
        <translation>The database was restored from {0}. The damaged file was kept as {1}.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <source>已走访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>待走访</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>未走访</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Not yet</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>两次输入的{0}不一致。</source>
        <translation>The two {0} entries do not match.</translation>
    </message>
    <message>
        <source>请再输入一次{0}。</source>
        <translation>Please enter the {0} once more.</translation>
    </message>
    <message>
        <source>用户名不能为空、不能含空格，最多 40 个字符。</source>
        <translation>The user name must not be empty or contain spaces, and has at most 40 characters.</translation>
    </message>
    <message>
        <source>请填写使用人的姓名。</source>
        <translation>Please enter the user&apos;s full name.</translation>
    </message>
</context>
</TS>
