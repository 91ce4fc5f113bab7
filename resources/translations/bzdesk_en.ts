<?xml version='1.0' encoding='utf-8'?>
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
        <translation>Please enter the user's full name.</translation>
    </message>
</context>
</TS>