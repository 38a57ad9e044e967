<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Automatic (EDTF, ISO, month names; plain day/month only)</source>
        <translation>自动（EDTF、ISO、月份名称；纯数字只识别日/月）</translation>
    </message>
    <message>
        <source>Day before month (25/12/2023)</source>
        <translation>日在月前（25/12/2023）</translation>
    </message>
    <message>
        <source>Month before day (12/25/2023)</source>
        <translation>月在日前（12/25/2023）</translation>
    </message>
    <message>
        <source>Year, month, day (2023/12/25)</source>
        <translation>年、月、日（2023/12/25）</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV, TSV, XLSX, ODS) — choose the columns</source>
        <translation>电子表格（CSV、TSV、XLSX、ODS）——选择列</translation>
    </message>
    <message>
        <source>GIS points as events (GeoJSON, KML, GeoPackage, Shapefile)</source>
        <translation>GIS 点作为事件（GeoJSON、KML、GeoPackage、Shapefile）</translation>
    </message>
    <message>
        <source>TimelineJS (sheet template or JSON)</source>
        <translation>TimelineJS（表格模板或 JSON）</translation>
    </message>
    <message>
        <source>Timeline (.timeline)</source>
        <translation>Timeline（.timeline）</translation>
    </message>
    <message>
        <source>ACLED export (CSV)</source>
        <translation>ACLED 导出（CSV）</translation>
    </message>
    <message>
        <source>UCDP GED (CSV)</source>
        <translation>UCDP GED（CSV）</translation>
    </message>
</context>
<context>
    <name>caseatlas</name>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 could not be read completely.</source>
        <translation>%1 未能完整读取。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date: %2.</source>
        <translation>“%1”不是有效日期：%2。</translation>
    </message>
    <message>
        <source>The date is empty.</source>
        <translation>日期为空。</translation>
    </message>
    <message>
        <source>The basemap could not be read.</source>
        <translation>无法读取底图。</translation>
    </message>
    <message>
        <source>The basemap holds no countries.</source>
        <translation>底图中没有国家。</translation>
    </message>
    <message>
        <source>The basemap is missing from this build.</source>
        <translation>此版本缺少底图。</translation>
    </message>
    <message>
        <source>The basemap could not be prepared.</source>
        <translation>无法准备底图。</translation>
    </message>
    <message>
        <source>The gazetteer %1 cannot be read.</source>
        <translation>无法读取地名词典 %1。</translation>
    </message>
    <message>
        <source>The gazetteer is damaged at line %1.</source>
        <translation>地名词典在第 %1 行损坏。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1, line %2: the KML is not well-formed (%3); nothing was imported.</source>
        <translation>%1，第 %2 行：KML 格式不正确（%3）；未导入任何内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local file. Layers are imported from files; an online source is added on purpose, as an online layer.</source>
        <translation>“%1”不是本地文件。图层从文件导入；在线来源需专门作为在线图层添加。</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>%1 处没有文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file.</source>
        <translation>%1 是文件夹；请选择文件。</translation>
    </message>
    <message>
        <source>The converted layer &quot;%1&quot; is missing.</source>
        <translation>转换后的图层“%1”缺失。</translation>
    </message>
    <message>
        <source>%1 holds no layers.</source>
        <translation>%1 中没有图层。</translation>
    </message>
    <message>
        <source>No temporary folder is available for the import.</source>
        <translation>没有可用于导入的临时文件夹。</translation>
    </message>
    <message>
        <source>The layer &quot;%1&quot; of %2 uses a coordinate system that cannot be converted to longitude/latitude.</source>
        <translation>%2 的图层“%1”使用的坐标系无法转换为经纬度。</translation>
    </message>
    <message>
        <source>%1 holds no layer with geometry.</source>
        <translation>%1 中没有带几何图形的图层。</translation>
    </message>
    <message>
        <source>The layer &quot;%1&quot; of %2 could not be read completely; nothing was imported.</source>
        <translation>%2 的图层“%1”未能完整读取；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is an image without a coordinate system or georeferencing; it cannot be placed on the map.</source>
        <translation>%1 是没有坐标系或地理配准的图像；无法放置到地图上。</translation>
    </message>
    <message>
        <source>%1 has %2 bands; a map layer needs 1 to 4 (grey, grey+alpha, RGB, RGBA).</source>
        <translation>%1 有 %2 个波段；地图图层需要 1 到 4 个（灰度、灰度+透明、RGB、RGBA）。</translation>
    </message>
    <message>
        <source>%1 could not be read completely (the image is damaged or cut short); nothing was imported.</source>
        <translation>%1 未能完整读取（图像已损坏或被截断）；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 holds no image data; nothing was imported.</source>
        <translation>%1 中没有图像数据；未导入任何内容。</translation>
    </message>
    <message>
        <source>This case is open read-only; nothing was imported.</source>
        <translation>此案件以只读方式打开；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 could not be read as a GIS layer (%2).</source>
        <translation>%1 无法作为 GIS 图层读取（%2）。</translation>
    </message>
    <message>
        <source>%1 could not be read as a georeferenced image.</source>
        <translation>%1 无法作为地理配准图像读取。</translation>
    </message>
    <message>
        <source>%1 could not be shown in Web Mercator.</source>
        <translation>%1 无法以 Web 墨卡托投影显示。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tile address. Give an http(s) address with {z}, {x} and {y}, such as https://tile.example.org/{z}/{x}/{y}.png.</source>
        <translation>“%1”不是瓦片地址。请提供包含 {z}、{x} 和 {y} 的 http(s) 地址，例如 https://tile.example.org/{z}/{x}/{y}.png。</translation>
    </message>
    <message>
        <source>The tile cache folder %1 cannot be created.</source>
        <translation>无法创建瓦片缓存文件夹 %1。</translation>
    </message>
    <message>
        <source>The tile service %1 could not be set up.</source>
        <translation>无法设置瓦片服务 %1。</translation>
    </message>
    <message>
        <source>The image has no usable georeferencing.</source>
        <translation>图像没有可用的地理配准。</translation>
    </message>
    <message>
        <source>The image has no bands.</source>
        <translation>图像没有波段。</translation>
    </message>
    <message>
        <source>The raster layer &quot;%1&quot; has no tile matrix in the case.</source>
        <translation>栅格图层“%1”在案件中没有瓦片矩阵。</translation>
    </message>
    <message>
        <source>The raster layer &quot;%1&quot; is not tiled in Web Mercator.</source>
        <translation>栅格图层“%1”不是按 Web 墨卡托切片的。</translation>
    </message>
    <message>
        <source>Every export is written to the case&apos;s custody log, and this case is open read-only; nothing was exported.</source>
        <translation>每次导出都会写入案件的保管日志，而此案件以只读方式打开；未导出任何内容。</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 为空。</translation>
    </message>
    <message>
        <source>%1 is not %2: the column &quot;%3&quot; is missing (line 1).</source>
        <translation>%1 不是 %2：缺少“%3”列（第 1 行）。</translation>
    </message>
    <message>
        <source>%1 has rows that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</source>
        <translation>%1 中有无法导入的行；未导入任何内容。请修正这些行，或选择跳过错误行后导入。</translation>
    </message>
    <message>
        <source>The extent must be minlon,minlat,maxlon,maxlat within −180…180 and −90…90.</source>
        <translation>范围必须为 最小经度,最小纬度,最大经度,最大纬度，且在 −180…180 和 −90…90 之内。</translation>
    </message>
    <message>
        <source>A picture must be 100×100 to 20000×20000 pixels.</source>
        <translation>图片尺寸必须在 100×100 到 20000×20000 像素之间。</translation>
    </message>
    <message>
        <source>The resolution must be 24 to 1200 DPI.</source>
        <translation>分辨率必须为 24 到 1200 DPI。</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: choose a file ending in .png, .svg or .pdf.</source>
        <translation>“%1”：请选择以 .png、.svg 或 .pdf 结尾的文件。</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-16 text; nothing was imported.</source>
        <translation>%1 不是有效的 UTF-16 文本；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be read as %2; nothing was imported.</source>
        <translation>%1 无法按 %2 读取；未导入任何内容。</translation>
    </message>
    <message>
        <source>Reading the file was cancelled.</source>
        <translation>读取文件已取消。</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was imported.</source>
        <translation>%1 为空；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 could not be read as a spreadsheet (CSV, XLSX, ODS) or a GIS layer (GeoJSON, KML, KMZ, GeoPackage, Shapefile, GPX); nothing was imported.</source>
        <translation>%1 无法作为电子表格（CSV、XLSX、ODS）或 GIS 图层（GeoJSON、KML、KMZ、GeoPackage、Shapefile、GPX）读取；未导入任何内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a year</source>
        <translation>“%1”不是年份</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month (1 to 12)</source>
        <translation>“%1”不是月份（1 到 12）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of that month</source>
        <translation>“%1”不是该月中的日期</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (14:30)</source>
        <translation>“%1”不是时间（14:30）</translation>
    </message>
    <message>
        <source>the date is empty</source>
        <translation>日期为空</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (EDTF such as 2023-11-12 or 2023-11?, 12 November 2023, 2023/11/12, or 12/11/2023 with the day and month order chosen)</source>
        <translation>“%1”不是日期（EDTF，如 2023-11-12 或 2023-11?；12 November 2023；2023/11/12；或选定日月顺序的 12/11/2023）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2 or %3: choose the day and month order of this column</source>
        <translation>“%1”可能是 %2 或 %3：请为此列选择日与月的顺序</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field an import can fill (%2).</source>
        <translation>“%1”不是导入可以填写的字段（%2）。</translation>
    </message>
    <message>
        <source>A date order is one of auto, dmy, mdy and ymd.</source>
        <translation>日期顺序只能是 auto、dmy、mdy 或 ymd 之一。</translation>
    </message>
    <message>
        <source>%1:%2: not valid JSON (%3); nothing was imported.</source>
        <translation>%1:%2：不是有效的 JSON（%3）；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is not a TimelineJS file: it has no &quot;events&quot; list; nothing was imported.</source>
        <translation>%1 不是 TimelineJS 文件：没有“events”列表；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1:%2: this Timeline counts time as &quot;%3&quot;; only calendar dates (gregoriantime) can be imported; nothing was imported.</source>
        <translation>%1:%2：此 Timeline 以“%3”计时；只能导入公历日期（gregoriantime）；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid XML (%4); nothing was imported.</source>
        <translation>%1:%2:%3：不是有效的 XML（%4）；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>ACLED and UCDP files are read as they are imported (importAcled, importUcdp).</source>
        <translation>ACLED 和 UCDP 文件在导入时读取（importAcled、importUcdp）。</translation>
    </message>
    <message>
        <source>The sample case can only be written into an empty case.</source>
        <translation>示例案件只能写入空案件。</translation>
    </message>
    <message>
        <source>The number of events cannot be negative.</source>
        <translation>事件数量不能为负数。</translation>
    </message>
    <message>
        <source>Generation was cancelled; nothing was written.</source>
        <translation>生成已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Every briefing is written to the case&apos;s custody log, and this case is open read-only; nothing was written.</source>
        <translation>每份简报都会写入案件的保管日志，而此案件以只读方式打开；未写入任何内容。</translation>
    </message>
    <message>
        <source>A briefing is written as .pdf, .svg or .png, not &quot;%1&quot;.</source>
        <translation>简报写为 .pdf、.svg 或 .png，而不是“%1”。</translation>
    </message>
    <message>
        <source>An actor needs a name.</source>
        <translation>行为者需要名称。</translation>
    </message>
    <message>
        <source>A new actor cannot carry an id.</source>
        <translation>新的行为者不能带有 ID。</translation>
    </message>
    <message>
        <source>An alias cannot be empty.</source>
        <translation>别名不能为空。</translation>
    </message>
    <message>
        <source>The file could not be read from its start.</source>
        <translation>无法从头读取该文件。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>An attachment needs a file name.</source>
        <translation>附件需要文件名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large to keep inside a case (%2 MB; the limit is %3 MB).</source>
        <translation>“%1”太大，无法保存在案件中（%2 MB；上限为 %3 MB）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be read completely.</source>
        <translation>“%1”未能完整读取。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; changed while it was being added; try again.</source>
        <translation>“%1”在添加过程中发生了变化；请重试。</translation>
    </message>
    <message>
        <source>The attachment #%1 does not exist.</source>
        <translation>附件 #%1 不存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be written out.</source>
        <translation>无法写出“%1”。</translation>
    </message>
    <message>
        <source>A case needs a title.</source>
        <translation>案件需要标题。</translation>
    </message>
    <message>
        <source>%1 is a folder; attach files one by one.</source>
        <translation>%1 是文件夹；请逐个附加文件。</translation>
    </message>
    <message>
        <source>%1 could not be saved.</source>
        <translation>无法保存 %1。</translation>
    </message>
    <message>
        <source>The layer #%1 does not exist.</source>
        <translation>图层 #%1 不存在。</translation>
    </message>
    <message>
        <source>Opacity runs from 0 to 100%.</source>
        <translation>不透明度范围为 0 到 100%。</translation>
    </message>
    <message>
        <source>This build lacks schema scripts.</source>
        <translation>此版本缺少架构脚本。</translation>
    </message>
    <message>
        <source>A schema script is missing from this build.</source>
        <translation>此版本缺少一个架构脚本。</translation>
    </message>
    <message>
        <source>Updating the case to schema %1 failed.</source>
        <translation>将案件更新到架构 %1 失败。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a case file.</source>
        <translation>%1 是文件夹，不是案件文件。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), not a case file.</source>
        <translation>%1 为空（0 字节），不是案件文件。</translation>
    </message>
    <message>
        <source>%1 is a text file, not a case file.</source>
        <translation>%1 是文本文件，不是案件文件。</translation>
    </message>
    <message>
        <source>%1 is a damaged SQLite file: its header is cut short.</source>
        <translation>%1 是损坏的 SQLite 文件：其文件头被截断。</translation>
    </message>
    <message>
        <source>%1 is not a case file: it is not an SQLite database.</source>
        <translation>%1 不是案件文件：它不是 SQLite 数据库。</translation>
    </message>
    <message>
        <source>%1 is damaged: its header gives an impossible page size.</source>
        <translation>%1 已损坏：其文件头给出的页面大小不可能。</translation>
    </message>
    <message>
        <source>%1 is truncated: the file is shorter than its header says.</source>
        <translation>%1 被截断：文件比其文件头所述的短。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a CaseAtlas case.</source>
        <translation>%1 是 SQLite 数据库，但不是 CaseAtlas 案件。</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 已存在；请选择其他名称。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Unknown schema version %1.</source>
        <translation>未知的架构版本 %1。</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>%1 was left mid-change (a crash?) and must be opened for writing once to recover.</source>
        <translation>%1 在修改中途被中断（崩溃？），必须以可写方式打开一次才能恢复。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be read.</source>
        <translation>%1 已损坏，无法读取。</translation>
    </message>
    <message>
        <source>%1 is damaged: the integrity check found %2 problem(s).</source>
        <translation>%1 已损坏：完整性检查发现 %2 个问题。</translation>
    </message>
    <message>
        <source>%1 is a GeoPackage (a GIS file), not a case. Its layers can be imported into a case instead.</source>
        <translation>%1 是 GeoPackage（GIS 文件），不是案件。可以将其图层导入到案件中。</translation>
    </message>
    <message>
        <source>%1 claims to be a &quot;%2&quot; file, not a CaseAtlas case.</source>
        <translation>%1 声称是“%2”文件，而不是 CaseAtlas 案件。</translation>
    </message>
    <message>
        <source>%1 does not say which schema version it uses.</source>
        <translation>%1 没有说明其使用的架构版本。</translation>
    </message>
    <message>
        <source>%1 was written by a newer CaseAtlas (schema %2, needs a reader of schema %3); this version reads schema %4 and older. Update CaseAtlas to open it.</source>
        <translation>%1 由较新的 CaseAtlas 写入（架构 %2，需要架构 %3 的读取程序）；此版本只能读取架构 %4 及更早版本。请更新 CaseAtlas 后再打开。</translation>
    </message>
    <message>
        <source>%1 contains a %2 named &quot;%3&quot; that a case never has; it was not opened.</source>
        <translation>%1 包含名为“%3”的%2，而案件中从不会有它；未打开。</translation>
    </message>
    <message>
        <source>%1 contains a %2 &quot;%3&quot; that was changed from what a case has; it was not opened.</source>
        <translation>%1 包含一个%2“%3”，它与案件中的定义不同；未打开。</translation>
    </message>
    <message>
        <source>%1 is incomplete: the table &quot;%2&quot; is missing.</source>
        <translation>%1 不完整：缺少表“%2”。</translation>
    </message>
    <message>
        <source>%1 uses an older schema (%2) and must be updated, but it is read-only.</source>
        <translation>%1 使用较旧的架构（%2），必须更新，但它是只读的。</translation>
    </message>
    <message>
        <source>Could not write a backup before updating the case.</source>
        <translation>更新案件前无法写入备份。</translation>
    </message>
    <message>
        <source>Updating the case would leave rows that refer to nothing; it was not updated.</source>
        <translation>更新案件会留下指向不存在内容的行；未更新。</translation>
    </message>
    <message>
        <source>A copy cannot replace the open case itself.</source>
        <translation>副本不能替换当前打开的案件本身。</translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation>%1 是文件夹。</translation>
    </message>
    <message>
        <source>Could not write the copy to %1.</source>
        <translation>无法将副本写入 %1。</translation>
    </message>
    <message>
        <source>The copy written to %1 did not check out; nothing was replaced.</source>
        <translation>写入 %1 的副本未通过检查；未替换任何内容。</translation>
    </message>
    <message>
        <source>Could not move the copy into place at %1.</source>
        <translation>无法将副本移动到 %1。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>There is already a tag named &quot;%1&quot;.</source>
        <translation>已有名为“%1”的标签。</translation>
    </message>
    <message>
        <source>The tag #%1 does not exist.</source>
        <translation>标签 #%1 不存在。</translation>
    </message>
    <message>
        <source>An era needs a name.</source>
        <translation>时期需要名称。</translation>
    </message>
    <message>
        <source>The era &quot;%1&quot; needs a date span.</source>
        <translation>时期“%1”需要日期范围。</translation>
    </message>
    <message>
        <source>The era #%1 does not exist.</source>
        <translation>时期 #%1 不存在。</translation>
    </message>
    <message>
        <source>A saved view needs a name.</source>
        <translation>保存的视图需要名称。</translation>
    </message>
    <message>
        <source>The map extent of a view must be finite.</source>
        <translation>视图的地图范围必须是有限值。</translation>
    </message>
    <message>
        <source>There is already a view named &quot;%1&quot;.</source>
        <translation>已有名为“%1”的视图。</translation>
    </message>
    <message>
        <source>The saved view #%1 does not exist.</source>
        <translation>保存的视图 #%1 不存在。</translation>
    </message>
    <message>
        <source>A briefing needs a name.</source>
        <translation>简报需要名称。</translation>
    </message>
    <message>
        <source>There is already a briefing named &quot;%1&quot;.</source>
        <translation>已有名为“%1”的简报。</translation>
    </message>
    <message>
        <source>The briefing #%1 does not exist.</source>
        <translation>简报 #%1 不存在。</translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation>事件需要标题。</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; needs a date (EDTF, such as 2023-11 or 2023?).</source>
        <translation>事件“%1”需要日期（EDTF，如 2023-11 或 2023?）。</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; has an interval as its date and an end date; use one or the other.</source>
        <translation>事件“%1”的日期是一个区间，同时又有结束日期；请只用其中一种。</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; ends (%2) before it starts (%3).</source>
        <translation>事件“%1”的结束（%2）早于开始（%3）。</translation>
    </message>
    <message>
        <source>The location of &quot;%1&quot; is outside longitude −180…180 / latitude −90…90.</source>
        <translation>“%1”的位置超出经度 −180…180 / 纬度 −90…90。</translation>
    </message>
    <message>
        <source>A location precision must be zero or more metres.</source>
        <translation>位置精度必须是零米或以上。</translation>
    </message>
    <message>
        <source>The place #%1 given for &quot;%2&quot; does not exist.</source>
        <translation>为“%2”指定的地点 #%1 不存在。</translation>
    </message>
    <message>
        <source>The actor #%1 given for &quot;%2&quot; does not exist.</source>
        <translation>为“%2”指定的行为者 #%1 不存在。</translation>
    </message>
    <message>
        <source>Every value of &quot;%1&quot; needs a name and a finite number.</source>
        <translation>“%1”的每个数值都需要名称和有限的数字。</translation>
    </message>
    <message>
        <source>A tag cannot be empty.</source>
        <translation>标签不能为空。</translation>
    </message>
    <message>
        <source>A new event cannot carry an id.</source>
        <translation>新的事件不能带有 ID。</translation>
    </message>
    <message>
        <source>The event #%1 no longer exists.</source>
        <translation>事件 #%1 已不存在。</translation>
    </message>
    <message>
        <source>The stored date of event #%1 is unreadable.</source>
        <translation>事件 #%1 存储的日期无法读取。</translation>
    </message>
    <message>
        <source>The stored end date of event #%1 is unreadable.</source>
        <translation>事件 #%1 存储的结束日期无法读取。</translation>
    </message>
    <message>
        <source>A note needs a title.</source>
        <translation>笔记需要标题。</translation>
    </message>
    <message>
        <source>A new note cannot carry an id.</source>
        <translation>新的笔记不能带有 ID。</translation>
    </message>
    <message>
        <source>A place needs a name.</source>
        <translation>地点需要名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a two-letter country code (ISO 3166-1).</source>
        <translation>“%1”不是两个字母的国家代码（ISO 3166-1）。</translation>
    </message>
    <message>
        <source>A new place cannot carry an id.</source>
        <translation>新的地点不能带有 ID。</translation>
    </message>
    <message>
        <source>This case is open read-only; nothing was changed.</source>
        <translation>此案件以只读方式打开；未更改任何内容。</translation>
    </message>
    <message>
        <source>An edit could not be recorded for undo.</source>
        <translation>无法为撤销记录此编辑。</translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation>来源需要标题。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address (it needs a scheme such as https://).</source>
        <translation>“%1”不是有效的网址（需要 https:// 之类的协议）。</translation>
    </message>
    <message>
        <source>A new source cannot carry an id.</source>
        <translation>新的来源不能带有 ID。</translation>
    </message>
    <message>
        <source>Credibility is graded 1 (confirmed) to 6 (cannot be judged), not %1.</source>
        <translation>可信度分为 1（已证实）到 6（无法判断），而不是 %1。</translation>
    </message>
    <message>
        <source>The cited event #%1 does not exist.</source>
        <translation>被引用的事件 #%1 不存在。</translation>
    </message>
    <message>
        <source>The cited source #%1 does not exist.</source>
        <translation>被引用的来源 #%1 不存在。</translation>
    </message>
    <message>
        <source>A new citation cannot carry an id.</source>
        <translation>新的引用不能带有 ID。</translation>
    </message>
    <message>
        <source>The citation #%1 does not exist.</source>
        <translation>引用 #%1 不存在。</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved, and the case is as it was before it. Free some space and try again.</source>
        <translation>磁盘已满：更改未保存，案件保持更改前的状态。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The disk could not be read or written: the change was not saved, and the case is as it was before it.</source>
        <translation>无法读写磁盘：更改未保存，案件保持更改前的状态。</translation>
    </message>
    <message>
        <source>The transaction is not active.</source>
        <translation>事务未处于活动状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a latitude (-90 to 90)</source>
        <translation>“%1”不是纬度（-90 到 90）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a longitude (-180 to 180)</source>
        <translation>“%1”不是经度（-180 到 180）</translation>
    </message>
    <message>
        <source>the row has %1 columns; the header has %2</source>
        <translation>该行有 %1 列；表头有 %2 列</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8</source>
        <translation>文本不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>the event id %1 was already on line %2</source>
        <translation>事件 ID %1 已在第 %2 行出现</translation>
    </message>
    <message>
        <source>the event has no event_id_cnty</source>
        <translation>该事件没有 event_id_cnty</translation>
    </message>
    <message>
        <source>the event has no event_type</source>
        <translation>该事件没有 event_type</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of people</source>
        <translation>“%1”不是人数</translation>
    </message>
    <message>
        <source>the event has no id</source>
        <translation>该事件没有 ID</translation>
    </message>
    <message>
        <source>date_prec must be 1 to 5, not &quot;%1&quot;</source>
        <translation>date_prec 必须为 1 到 5，而不是“%1”</translation>
    </message>
    <message>
        <source>the event has no side_a</source>
        <translation>该事件没有 side_a</translation>
    </message>
    <message>
        <source>%1 is not a latitude (-90 to 90)</source>
        <translation>%1 不是纬度（-90 到 90）</translation>
    </message>
    <message>
        <source>%1 is not a longitude (-180 to 180)</source>
        <translation>%1 不是经度（-180 到 180）</translation>
    </message>
    <message>
        <source>choose the columns that hold each event&apos;s title and its date (columns: %1)</source>
        <translation>请选择包含每个事件标题和日期的列（列：%1）</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; (for %2) is not in the file</source>
        <translation>文件中没有（用于%2的）“%1”列</translation>
    </message>
    <message>
        <source>the event has no title</source>
        <translation>该事件没有标题</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a longitude</source>
        <translation>“%1”不是经度</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a latitude</source>
        <translation>“%1”不是纬度</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status (draft, corroborated, disputed)</source>
        <translation>“%1”不是状态（draft、corroborated、disputed）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sensitivity (public, internal, confidential)</source>
        <translation>“%1”不是敏感级别（public、internal、confidential）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a location precision</source>
        <translation>“%1”不是位置精度</translation>
    </message>
    <message>
        <source>not the TimelineJS sheet template: the columns &quot;Year&quot; and &quot;Headline&quot; are needed</source>
        <translation>不是 TimelineJS 表格模板：需要“Year”和“Headline”列</translation>
    </message>
    <message>
        <source>an era needs an end date</source>
        <translation>时期需要结束日期</translation>
    </message>
    <message>
        <source>the event has no start_date</source>
        <translation>该事件没有 start_date</translation>
    </message>
    <message>
        <source>the event has no text</source>
        <translation>该事件没有文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time (2023-11-12 10:30:00)</source>
        <translation>“%1”不是日期时间（2023-11-12 10:30:00）</translation>
    </message>
    <message>
        <source>%1 place names were not found in the gazetteer and have no location: %2</source>
        <translation>%1 个地名在地名词典中未找到，也没有位置：%2</translation>
    </message>
    <message>
        <source>No tag</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>No actor</source>
        <translation>无行为者</translation>
    </message>
    <message>
        <source>No place</source>
        <translation>无地点</translation>
    </message>
    <message>
        <source>Unsourced</source>
        <translation>无来源</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>%1 lacks the trigger &quot;%2&quot; that every case has; it was not opened.</source>
        <translation>%1 缺少每个案件都有的触发器“%2”；未打开。</translation>
    </message>
    <message>
        <source>The raster layer &quot;%1&quot; has a tile matrix no image could have; it is not shown.</source>
        <translation>栅格图层“%1”的瓦片矩阵不可能属于任何图像；该图层不予显示。</translation>
    </message>
    <message>
        <source>The stored bytes of &quot;%1&quot; do not match its recorded SHA-256: the evidence was altered or damaged, and it was not written out. Verify Evidence lists every such file.</source>
        <translation>“%1”存储的字节与其记录的 SHA-256 不符：该证据已被改动或损坏，未予导出。“核验证据”会列出所有此类文件。</translation>
    </message>
    <message>
        <source>Could not write the copy to %1: the disk is full or could not be written. Nothing was replaced, and the open case is unchanged.</source>
        <translation>无法将副本写入 %1：磁盘已满或无法写入。没有替换任何文件，打开的案件保持不变。</translation>
    </message>
    <message>
        <source>%1 was altered or damaged: the table &quot;%2&quot; has no column &quot;%3&quot;, which every case has; it was not opened.</source>
        <translation>%1 已被改动或损坏：表“%2”缺少每个案件都有的列“%3”；未打开该文件。</translation>
    </message>
    <message>
        <source>%1 claims %2 by %3 pixels; CaseAtlas takes images of up to %4 million pixels. Make a smaller copy (gdal_translate -outsize) or a tiled one with overviews.</source>
        <translation>%1 声称有 %2 × %3 像素；CaseAtlas 接受最多 %4 百万像素的图像。请制作一个较小的副本（gdal_translate -outsize）或带概览的分块副本。</translation>
    </message>
    <message>
        <source>%1 stores its pixels in blocks of %2 MB, which would be read whole; CaseAtlas reads blocks of up to %3 MB. Make a tiled copy (gdal_translate -co TILED=YES).</source>
        <translation>%1 以 %2 MB 的块存储像素，这些块会被整块读取；CaseAtlas 读取的块最大为 %3 MB。请制作分块副本（gdal_translate -co TILED=YES）。</translation>
    </message>
    <message>
        <source>%1 unpacks to more than CaseAtlas reads from a packed file: at most %2 MB in one part and %3 MB in all (it went past that at its part %4). Nothing was imported; save a spreadsheet as CSV, or split the file.</source>
        <translation>%1 解压后超过 CaseAtlas 从压缩文件中读取的上限：单个部分最多 %2 MB，总共最多 %3 MB（在其部分 %4 处超出）。未导入任何内容；请将电子表格另存为 CSV，或拆分文件。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was cut short while it was read (another program changed it); nothing was imported. Import it again once it is complete.</source>
        <translation>%1 在读取时被截短（另一个程序更改了它）；未导入任何内容。请在文件完整后重新导入。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2. Nothing was imported.</source>
        <translation>%1 无法导入：%2。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 changed while it was read (another program wrote to it); nothing was imported. Import it again once it is complete.</source>
        <translation>%1 在读取时被更改（另一个程序写入了它）；未导入任何内容。请在文件完整后重新导入。</translation>
    </message>
    <message>
        <source>line %1 has a field of more than %2 MB, and CaseAtlas reads fields of up to %2 MB</source>
        <translation>第 %1 行有一个超过 %2 MB 的字段，而 CaseAtlas 读取的字段最大为 %2 MB</translation>
    </message>
    <message>
        <source>line %1 has more than %2 columns, and CaseAtlas reads tables of up to %2 columns</source>
        <translation>第 %1 行超过 %2 列，而 CaseAtlas 读取的表格最多 %2 列</translation>
    </message>
    <message>
        <source>%1 is UTF-16 text; %2 files are read as UTF-8. Save it as UTF-8 (&quot;CSV UTF-8&quot; in a spreadsheet) and import it again.</source>
        <translation>%1 是 UTF-16 文本；%2 文件按 UTF-8 读取。请将其另存为 UTF-8（电子表格中的“CSV UTF-8”）后重新导入。</translation>
    </message>
    <message>
        <source>%1 is too large to import as a table: by row %2 it needs more than %3 MB of memory. Split it into several files; nothing was imported.</source>
        <translation>%1 太大，无法作为表格导入：到第 %2 行时需要超过 %3 MB 内存。请拆分为多个文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: row %2 has a cell (%3) of more than %4 MB, and CaseAtlas reads cells of up to %4 MB. Nothing was imported.</source>
        <translation>%1 无法导入：第 %2 行有一个单元格（%3）超过 %4 MB，而 CaseAtlas 读取的单元格最大为 %4 MB。未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is a public export of this case (%2). Importing it would write its pseudonyms, coarse places and public ids over the real records; nothing was imported.</source>
        <translation>%1 是本案件的公开导出（%2）。导入它会用其中的化名、粗略地点和公开编号覆盖真实记录；未导入任何内容。</translation>
    </message>
    <message>
        <source>the one exported on %1</source>
        <translation>即 %1 导出的那一份</translation>
    </message>
    <message>
        <source>its ids are the ones this case gives its events in public</source>
        <translation>其编号正是本案件在公开导出中给事件的编号</translation>
    </message>
    <message>
        <source>it names a protected person as this case does in public, &quot;%1&quot;</source>
        <translation>它以本案件公开时的方式称呼一名受保护人员：“%1”</translation>
    </message>
    <message>
        <source>%1 came with a journal (%2) that names another file, &quot;%3&quot;; SQLite would delete that file while recovering the case. The case was not opened and nothing was deleted; remove %2 if you trust the case as it is.</source>
        <translation>%1 附带一个日志文件（%2），其中指向另一个文件“%3”；SQLite 在恢复案件时会删除该文件。案件未被打开，也未删除任何内容；如果您信任案件的现状，请删除 %2。</translation>
    </message>
    <message>
        <source>%1 has a journal beside it (%2) that SQLite did not write for it; the case was not opened and nothing was changed. Remove %2 if you trust the case as it is.</source>
        <translation>%1 旁边有一个并非 SQLite 为它写入的日志文件（%2）；案件未被打开，也未更改任何内容。如果您信任案件的现状，请删除 %2。</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>Another program is writing %1 right now; try again when it has finished.</source>
        <translation>另一个程序正在写入 %1；请在其完成后重试。</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 was left mid-change, and what its journal (%2) would restore is not a case CaseAtlas opens; nothing was changed.</source>
        <translation>%1 在更改中途被中断，而其日志（%2）将恢复出的内容不是 CaseAtlas 能打开的案件；未更改任何内容。</translation>
    </message>
    <message>
        <source>%1 was left mid-change; there is no room beside it to check its recovery first, so nothing was changed.</source>
        <translation>%1 在更改中途被中断；其旁边没有足够空间先检查恢复结果，因此未更改任何内容。</translation>
    </message>
    <message>
        <source>%1 was left mid-change (a crash?) and could not be recovered.</source>
        <translation>%1 在更改中途被中断（崩溃？），无法恢复。</translation>
    </message>
    <message>
        <source>entry %1 (%2, %3)</source>
        <translation>第 %1 条记录（%2，%3）</translation>
    </message>
    <message>
        <source>The custody log&apos;s %1 has no hash: it was written by something other than CaseAtlas.</source>
        <translation>监管链日志的%1没有哈希值：它不是由 CaseAtlas 写入的。</translation>
    </message>
    <message>
        <source>The custody log&apos;s %1 was changed after it was written.</source>
        <translation>监管链日志的%1在写入后被更改过。</translation>
    </message>
    <message>
        <source>The custody log lacks entries %1 to %2: they were removed (the next one is %3).</source>
        <translation>监管链日志缺少第 %1 至 %2 条记录：它们已被删除（下一条是%3）。</translation>
    </message>
    <message>
        <source>The custody log&apos;s %1 does not follow the entry before it: an entry was removed, replaced or inserted there.</source>
        <translation>监管链日志的%1与前一条记录不衔接：该处有记录被删除、替换或插入。</translation>
    </message>
    <message>
        <source>The custody log no longer has entry %1, which it had when the case was last open on this computer (%2): entries were removed from its end, or this is an older copy of the case.</source>
        <translation>监管链日志中已没有第 %1 条记录，而上次在这台计算机上打开该案件时（%2）它还在：日志末尾的记录被删除了，或者这是案件的较旧副本。</translation>
    </message>
    <message>
        <source>The custody log&apos;s entry %1 is not the one it had when the case was last open on this computer (%2): the log was rewritten from there on.</source>
        <translation>监管链日志的第 %1 条记录已不是上次在这台计算机上打开该案件时（%2）的那一条：日志从该处起被改写过。</translation>
    </message>
    <message>
        <source>%1 files named &quot;%2&quot; were imported into this case; name the one to update by its id (caseatlas info lists them).</source>
        <translation>有 %1 个名为“%2”的文件被导入到本案件中；请用编号指明要更新哪一个（caseatlas info 会列出它们）。</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. The case is put back as it was when it is next opened, from its journal (%1): keep that file beside it, and free some space.</source>
        <translation>磁盘已满：更改未保存。下次打开案件时将根据其日志（%1）恢复到原样：请将该文件保留在案件旁边，并腾出一些空间。</translation>
    </message>
    <message>
        <source>The disk could not be read or written: the change was not saved. The case is put back as it was when it is next opened, from its journal (%1): keep that file beside it.</source>
        <translation>磁盘无法读写：更改未保存。下次打开案件时将根据其日志（%1）恢复到原样：请将该文件保留在案件旁边。</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>约略</translation>
    </message>
    <message>
        <source>open start</source>
        <translation>起点开放</translation>
    </message>
    <message>
        <source>open end</source>
        <translation>终点开放</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <source>No place called “%1” in the offline gazetteer (GeoNames places of about 500 people or more). Try another spelling, or add the place in People &amp; Places with its coordinates, or click it on the map.</source>
        <translation>离线地名词典（GeoNames 中约 500 人以上的地方）中没有名为“%1”的地点。请尝试其他拼写，或在“人物与地点”中连同坐标添加该地点，或在地图上点选。</translation>
    </message>
    <message>
        <source>administrative area</source>
        <translation>行政区</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>…… 还有 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>the year %1 is deep time (TimelineJS&apos;s cosmological scale); CaseAtlas dates events from -9999 to 9999</source>
        <translation>年份 %1 属于深远时间（TimelineJS 的宇宙时间尺度）；CaseAtlas 的事件日期范围为 -9999 至 9999 年</translation>
    </message>
    <message>
        <source>Line %1: the media &quot;%2&quot; is not a web address; it is kept as the source&apos;s title, without a link.</source>
        <translation>第 %1 行：媒体“%2”不是网址；它被保留为来源的标题，不带链接。</translation>
    </message>
    <message>
        <source>Line %1: the media &quot;%2&quot; is a relative address (a file beside the page the timeline was shown on); it is kept as the source&apos;s title, without a link.</source>
        <translation>第 %1 行：媒体“%2”是相对地址（指向显示该时间线的网页旁的文件）；它被保留为来源的标题，不带链接。</translation>
    </message>
    <message>
        <source>Untitled event</source>
        <translation>无标题事件</translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was imported.</source>
        <translation>%1 无法导入；未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n record(s) that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</source>
        <translation>
            <numerusform>%1 有 %n 条记录无法导入；未导入任何内容。请修正它们，或在导入时跳过有问题的行。</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be a day-month or a month-day date: choose the order (--date-order dmy or mdy, or in the import dialog)</source>
        <translation>“%1”既可能是“日/月”也可能是“月/日”：请选择顺序（--date-order dmy 或 mdy，或在导入对话框中选择）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (2023-11-12, 12 November 2023, 9-May-20, or 5/9/2020 with the order chosen)</source>
        <translation>“%1”不是日期（应为 2023-11-12、12 November 2023、9-May-20，或在选定顺序后的 5/9/2020）</translation>
    </message>
    <message>
        <source>The case is now titled “%1”, as the file&apos;s title says.</source>
        <translation>案件标题已改为“%1”，与文件自身的标题一致。</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
</context>
<context>
    <name>caseatlas::Backlinks</name>
    <message>
        <source>(no note links here)</source>
        <translation>（此处没有笔记链接）</translation>
    </message>
</context>
<context>
    <name>caseatlas::BriefingComposer</name>
    <message>
        <source>Briefing</source>
        <translation>简报</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>保存(&amp;K)</translation>
    </message>
    <message>
        <source>Keep this briefing in the case, to make it again later</source>
        <translation>将此简报保存在案件中，以便日后再次生成</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>美国信纸</translation>
    </message>
    <message>
        <source>Slides (16:9)</source>
        <translation>幻灯片（16:9）</translation>
    </message>
    <message>
        <source>Public — no confidential records, protected persons pseudonymised</source>
        <translation>公开——不含机密记录，受保护人员使用化名</translation>
    </message>
    <message>
        <source>Internal — no confidential records</source>
        <translation>内部——不含机密记录</translation>
    </message>
    <message>
        <source>Full — everything</source>
        <translation>完整——全部内容</translation>
    </message>
    <message>
        <source>Tick the blocks to show; drag, or Alt+Up/Down, to order them</source>
        <translation>勾选要显示的部分；拖动或按 Alt+上/下 调整顺序</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Events beyond this are counted, not shown as cards</source>
        <translation>超出此数的事件只计数，不显示为卡片</translation>
    </message>
    <message>
        <source> dpi (PNG)</source>
        <translation> dpi（PNG）</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>版式(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>读者(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Subtitle</source>
        <translation>副标题(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>作者(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Blocks</source>
        <translation>组成部分(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Event &amp;cards</source>
        <translation>事件卡片(&amp;C)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export S&amp;VG…</source>
        <translation>导出 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>Export P&amp;NG…</source>
        <translation>导出 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>The current filter</source>
        <translation>当前筛选</translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation>整个案件</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>视图：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), %1 events, %2 as cards, %3 sources; %4 records withheld by the profile</source>
        <translation>
            <numerusform>%n 页，%1 个事件，%2 个为卡片，%3 个来源；导出级别隐去 %4 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n page(s))</source>
        <translation>
            <numerusform>已写入 %1（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>(a new briefing)</source>
        <translation>（新简报）</translation>
    </message>
</context>
<context>
    <name>caseatlas::CaseDocument</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Rename case to “%1”</source>
        <translation>将案件重命名为“%1”</translation>
    </message>
    <message>
        <source>Add event “%1”</source>
        <translation>添加事件“%1”</translation>
    </message>
    <message>
        <source>Edit event “%1”</source>
        <translation>编辑事件“%1”</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除事件</translation>
    </message>
    <message>
        <source>Delete %1 events</source>
        <translation>删除 %1 个事件</translation>
    </message>
    <message>
        <source>Delete event “%1”</source>
        <translation>删除事件“%1”</translation>
    </message>
    <message>
        <source>Add source “%1”</source>
        <translation>添加来源“%1”</translation>
    </message>
    <message>
        <source>Edit source “%1”</source>
        <translation>编辑来源“%1”</translation>
    </message>
    <message>
        <source>Delete source “%1”</source>
        <translation>删除来源“%1”</translation>
    </message>
    <message>
        <source>Cite source</source>
        <translation>引用来源</translation>
    </message>
    <message>
        <source>Edit citation</source>
        <translation>编辑引用</translation>
    </message>
    <message>
        <source>Remove citation</source>
        <translation>移除引用</translation>
    </message>
    <message>
        <source>Add actor “%1”</source>
        <translation>添加行为者“%1”</translation>
    </message>
    <message>
        <source>Edit actor “%1”</source>
        <translation>编辑行为者“%1”</translation>
    </message>
    <message>
        <source>Delete actor “%1”</source>
        <translation>删除行为者“%1”</translation>
    </message>
    <message>
        <source>Add place “%1”</source>
        <translation>添加地点“%1”</translation>
    </message>
    <message>
        <source>Edit place “%1”</source>
        <translation>编辑地点“%1”</translation>
    </message>
    <message>
        <source>Delete place “%1”</source>
        <translation>删除地点“%1”</translation>
    </message>
    <message>
        <source>Add note “%1”</source>
        <translation>添加笔记“%1”</translation>
    </message>
    <message>
        <source>Edit note “%1”</source>
        <translation>编辑笔记“%1”</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <source>Add tag “%1”</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message>
        <source>Edit tag “%1”</source>
        <translation>编辑标签“%1”</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Add era “%1”</source>
        <translation>添加时期“%1”</translation>
    </message>
    <message>
        <source>Edit era “%1”</source>
        <translation>编辑时期“%1”</translation>
    </message>
    <message>
        <source>Delete era</source>
        <translation>删除时期</translation>
    </message>
    <message>
        <source>Save view “%1”</source>
        <translation>保存视图“%1”</translation>
    </message>
    <message>
        <source>Edit view “%1”</source>
        <translation>编辑视图“%1”</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Save briefing “%1”</source>
        <translation>保存简报“%1”</translation>
    </message>
    <message>
        <source>Edit briefing “%1”</source>
        <translation>编辑简报“%1”</translation>
    </message>
    <message>
        <source>Delete briefing</source>
        <translation>删除简报</translation>
    </message>
    <message>
        <source>Attach “%1”</source>
        <translation>附加“%1”</translation>
    </message>
    <message>
        <source>Remove attachment “%1”</source>
        <translation>移除附件“%1”</translation>
    </message>
    <message>
        <source>Link layer “%1”</source>
        <translation>链接图层“%1”</translation>
    </message>
    <message>
        <source>Import layer “%1”</source>
        <translation>导入图层“%1”</translation>
    </message>
    <message>
        <source>Remove layer “%1”</source>
        <translation>移除图层“%1”</translation>
    </message>
    <message>
        <source>Show layer</source>
        <translation>显示图层</translation>
    </message>
    <message>
        <source>Hide layer</source>
        <translation>隐藏图层</translation>
    </message>
    <message>
        <source>Layer opacity %1%</source>
        <translation>图层不透明度 %1%</translation>
    </message>
    <message>
        <source>Layer style</source>
        <translation>图层样式</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>上移图层</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>下移图层</translation>
    </message>
</context>
<context>
    <name>caseatlas::ChartsPanel</name>
    <message>
        <source>Events per period</source>
        <translation>每个时段的事件</translation>
    </message>
    <message>
        <source>A value over time</source>
        <translation>某数值随时间变化</translation>
    </message>
    <message>
        <source>Top actors</source>
        <translation>主要行为者</translation>
    </message>
    <message>
        <source>Top places</source>
        <translation>主要地点</translation>
    </message>
    <message>
        <source>Top sources</source>
        <translation>主要来源</translation>
    </message>
    <message>
        <source>Source reliability</source>
        <translation>来源可靠性</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The numeric value to sum, e.g. people repatriated or fatalities</source>
        <translation>要求和的数值，例如遣返人数或死亡人数</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>未打开案件</translation>
    </message>
    <message>
        <source>No tag</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>No event carries a numeric value</source>
        <translation>没有事件带有数值</translation>
    </message>
    <message>
        <source>%1%2, cumulative</source>
        <translation>%1%2，累计</translation>
    </message>
    <message>
        <source>Actors by events</source>
        <translation>按事件数排列的行为者</translation>
    </message>
    <message>
        <source>Places by events</source>
        <translation>按事件数排列的地点</translation>
    </message>
    <message>
        <source>Sources by events cited</source>
        <translation>按引用事件数排列的来源</translation>
    </message>
    <message>
        <source>events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Events by their best source&apos;s reliability</source>
        <translation>按最佳来源可靠性划分的事件</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>unsourced (%1)</source>
        <translation>无来源（%1）</translation>
    </message>
    <message>
        <source>A chart is saved as .png or .svg, not &quot;%1&quot;.</source>
        <translation>图表保存为 .png 或 .svg，而不是“%1”。</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>每年</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a day: in no bar.</source>
        <translation>
            <numerusform>%n 个事件的日期比一日更宽泛：不计入任何柱形。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a week: in no bar.</source>
        <translation>
            <numerusform>%n 个事件的日期比一周更宽泛：不计入任何柱形。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a month: in no bar.</source>
        <translation>
            <numerusform>%n 个事件的日期比一个月更宽泛：不计入任何柱形。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a year: in no bar.</source>
        <translation>
            <numerusform>%n 个事件的日期比一年更宽泛：不计入任何柱形。</numerusform>
        </translation>
    </message>
    <message>
        <source>An event is counted in a bar only when everything its date allows lies in that period; the others are counted here.</source>
        <translation>只有日期所允许的全部范围都落在某一时段内的事件，才计入该时段的柱形；其余事件在此计数。</translation>
    </message>
    <message>
        <source>Too many bars %1 for one chart: shown %2.</source>
        <translation>%1的柱形太多，一张图表放不下：改为%2显示。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with no date.</source>
        <translation>
            <numerusform>%n 个事件没有日期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than the period, or not at all, with %1 in all: in no bar.</source>
        <translation>
            <numerusform>%n 个事件的日期比该时段更宽泛或没有日期，合计 %1：不计入任何柱形。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%2 %3</source>
        <comment>value name, unit, &apos;per month&apos;</comment>
        <translation>%3%1%2</translation>
    </message>
    <message numerus="yes">
        <source>Events per day (%n)</source>
        <translation>
            <numerusform>每日事件（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per week (%n)</source>
        <translation>
            <numerusform>每周事件（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per month (%n)</source>
        <translation>
            <numerusform>每月事件（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per year (%n)</source>
        <translation>
            <numerusform>每年事件（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::CitationDialog</name>
    <message>
        <source>Edit Citation</source>
        <translation>编辑引用</translation>
    </message>
    <message>
        <source>Cite a Source</source>
        <translation>引用来源</translation>
    </message>
    <message>
        <source>(a new source, described below)</source>
        <translation>（新来源，见下方说明）</translation>
    </message>
    <message>
        <source>page, paragraph, timestamp</source>
        <translation>页码、段落、时间戳</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>New source &amp;title:</source>
        <translation>新来源标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>网址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>发布者(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reliability:</source>
        <translation>可靠性(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Locator:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation>引文(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Credibility:</source>
        <translation>可信度(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>caseatlas::CustodyLogDialog</name>
    <message>
        <source>Custody Log</source>
        <translation>保管日志</translation>
    </message>
    <message>
        <source>Filter: action, person, file, hash…</source>
        <translation>筛选：操作、人员、文件、哈希…</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the Custody Log</source>
        <translation>导出保管日志</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Entries are only ever added: the case refuses changes and deletions, and each entry&apos;s hash covers the one before it. The chain is intact.</source>
        <translation>条目只会被添加：案件拒绝更改和删除，且每条记录的哈希值都涵盖前一条。哈希链完整。</translation>
    </message>
    <message>
        <source>This log does not add up — entries were changed, removed or inserted outside CaseAtlas:
%1</source>
        <translation>此日志对不上——有记录在 CaseAtlas 之外被更改、删除或插入：
%1</translation>
    </message>
</context>
<context>
    <name>caseatlas::EventInspector</name>
    <message>
        <source>Select an event to see and edit its dates, people, places and sources.</source>
        <translation>选择一个事件，查看并编辑其日期、人员、地点和来源。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Gazetteer…</source>
        <translation>地名词典…</translation>
    </message>
    <message>
        <source>Add a populated place from the offline gazetteer</source>
        <translation>从离线地名词典添加居民点</translation>
    </message>
    <message>
        <source>On Map</source>
        <translation>在地图上</translation>
    </message>
    <message>
        <source>Click the map to give the event a location of its own</source>
        <translation>点击地图，为事件设定其自身的位置</translation>
    </message>
    <message>
        <source> km</source>
        <translation> 公里</translation>
    </message>
    <message>
        <source>(by precision)</source>
        <translation>（按精度）</translation>
    </message>
    <message>
        <source>How far from the point the event may have happened</source>
        <translation>事件可能发生在距该点多远的范围内</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Locator</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>&amp;Cite a Source…</source>
        <translation>引用来源(&amp;C)…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截至(&amp;U)：</translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation>描述(&amp;I)：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Moved &amp;from:</source>
        <translation>出发地(&amp;F)：</translation>
    </message>
    <message>
        <source>Moved t&amp;o:</source>
        <translation>目的地(&amp;O)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>Sensiti&amp;vity:</source>
        <translation>敏感级别(&amp;V)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Actors:</source>
        <translation>行为者：</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>笔记：</translation>
    </message>
    <message>
        <source>Add a Place from the Gazetteer</source>
        <translation>从地名词典添加地点</translation>
    </message>
    <message>
        <source>Town or city, e.g. Lashio</source>
        <translation>城镇，例如 腊戍</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Add an Actor</source>
        <translation>添加行为者</translation>
    </message>
    <message>
        <source>perpetrator, victim, witness, official…</source>
        <translation>加害者、受害者、证人、官员…</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>行为者(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Add a Number</source>
        <translation>添加数值</translation>
    </message>
    <message>
        <source>people repatriated, fatalities…</source>
        <translation>遣返人数、死亡人数…</translation>
    </message>
    <message>
        <source>people, USD…</source>
        <translation>人、美元…</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>项目(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>数值(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Until: %1</source>
        <translation>截至：%1</translation>
    </message>
    <message>
        <source>(no place)</source>
        <translation>（无地点）</translation>
    </message>
    <message>
        <source>(actor #%1)</source>
        <translation>（行为者 #%1）</translation>
    </message>
    <message>
        <source> — protected</source>
        <translation> — 受保护</translation>
    </message>
    <message>
        <source>Unsourced: no source supports this event yet.</source>
        <translation>无来源：尚无来源支持此事件。</translation>
    </message>
    <message>
        <source>Rests on a single source; look for another to corroborate it.</source>
        <translation>仅依据单一来源；请寻找另一来源加以佐证。</translation>
    </message>
    <message numerus="yes">
        <source>Corroborated by %n independent source(s).</source>
        <translation>
            <numerusform>已由 %n 个独立来源佐证。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a source or give the new one a title.</source>
        <translation>请选择一个来源，或为新来源填写标题。</translation>
    </message>
    <message>
        <source>No event is selected.</source>
        <translation>未选择事件。</translation>
    </message>
    <message>
        <source> mi</source>
        <translation> 英里</translation>
    </message>
    <message>
        <source>This event&apos;s text is too long to edit here (a title of %1 and a description of %2 characters); it is shown cut short and kept whole in the case.</source>
        <translation>此事件的文字太长，无法在此编辑（标题 %1 个字符，描述 %2 个字符）；此处只显示开头部分，案件中保存的仍是全文。</translation>
    </message>
</context>
<context>
    <name>caseatlas::EventTableModel</name>
    <message>
        <source>unsourced</source>
        <translation>无来源</translation>
    </message>
    <message>
        <source>%1 (EDTF %2)</source>
        <translation>%1（EDTF %2）</translation>
    </message>
    <message>
        <source>Date (as written)</source>
        <translation>日期（原文）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>date, its qualifiers</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>caseatlas::FilterBar</name>
    <message>
        <source>Filter: words in title or description</source>
        <translation>筛选：标题或描述中的词语</translation>
    </message>
    <message>
        <source>from (EDTF)</source>
        <translation>自（EDTF）</translation>
    </message>
    <message>
        <source>to (EDTF)</source>
        <translation>至（EDTF）</translation>
    </message>
    <message>
        <source>possibly in range</source>
        <translation>可能在范围内</translation>
    </message>
    <message>
        <source>certainly in range</source>
        <translation>确定在范围内</translation>
    </message>
    <message>
        <source>Possibly: the event&apos;s dates overlap the range. Certainly: they lie wholly inside it.</source>
        <translation>可能：事件日期与范围重叠。确定：事件日期完全在范围之内。</translation>
    </message>
    <message>
        <source>all records</source>
        <translation>所有记录</translation>
    </message>
    <message>
        <source>public and internal</source>
        <translation>公开和内部</translation>
    </message>
    <message>
        <source>public only</source>
        <translation>仅公开</translation>
    </message>
    <message>
        <source>unsourced only</source>
        <translation>仅无来源</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>all tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>An EDTF date: 2023, 2023-11, 2023-11-12, 2023-21 (spring) …</source>
        <translation>EDTF 日期：2023、2023-11、2023-11-12、2023-21（春季）…</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>来源 %1</translation>
    </message>
    <message>
        <source>a source graded %1</source>
        <translation>可靠性为 %1 的来源</translation>
    </message>
    <message>
        <source>and: %1</source>
        <translation>以及：%1</translation>
    </message>
    <message>
        <source>all actors</source>
        <translation>所有行为者</translation>
    </message>
    <message>
        <source>all places</source>
        <translation>所有地点</translation>
    </message>
</context>
<context>
    <name>caseatlas::ImportWizard</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>For CSV files without a byte order mark (files with one say their own encoding).</source>
        <translation>用于没有字节顺序标记的 CSV 文件（有标记的文件自带编码）。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Layer or sheet:</source>
        <translation>图层或工作表(&amp;L)：</translation>
    </message>
    <message>
        <source>The first rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Choose the column that holds each field. A title and a start date are needed; the rest is optional.</source>
        <translation>为每个字段选择对应的列。标题和开始日期是必需的，其余可选。</translation>
    </message>
    <message>
        <source>&amp;Save as Preset…</source>
        <translation>另存为预设(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Remove Preset</source>
        <translation>删除预设(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>Find place names without coordinates in the gazetteer</source>
        <translation>在地名词典中查找没有坐标的地名</translation>
    </message>
    <message>
        <source>Start date order:</source>
        <translation>开始日期顺序：</translation>
    </message>
    <message>
        <source>End date order:</source>
        <translation>结束日期顺序：</translation>
    </message>
    <message>
        <source>Between list items:</source>
        <translation>列表项分隔符：</translation>
    </message>
    <message>
        <source>(guessed from the column names)</source>
        <translation>（根据列名推测）</translation>
    </message>
    <message>
        <source>Save Preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Skip the bad rows and import the rest</source>
        <translation>跳过错误行并导入其余行(&amp;S)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(the first with rows)</source>
        <translation>（第一个有数据的）</translation>
    </message>
    <message>
        <source>(point)</source>
        <translation>（点）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Choose the columns of the title and the start date.</source>
        <translation>请选择标题列和开始日期列。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s): </source>
        <translation>
            <numerusform>前 %n 行：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read as events</source>
        <translation>
            <numerusform>%n 行可读为事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), the first: %1</source>
        <translation>
            <numerusform>%n 个问题，第一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) ready to import</source>
        <translation>
            <numerusform>%n 个事件可以导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n era(s)</source>
        <translation>
            <numerusform>%n 个时期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported (listed below): skip them, or cancel and fix the file.</source>
        <translation>
            <numerusform>%n 行无法导入（见下方列表）：跳过这些行，或取消并修正文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>the columns must be chosen again (go back).</source>
        <translation>必须重新选择列（请返回）。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows skipped. The import is recorded in the custody log.%6</source>
        <translation>已导入 %1：新增 %2，更改 %3，未变 %4，跳过错误行 %5。此次导入已记入保管日志。%6</translation>
    </message>
    <message>
        <source> Edit ▸ Undo takes it back.</source>
        <translation> 可用“编辑 ▸ 撤销”撤回。</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>已跳过 %1</translation>
    </message>
    <message>
        <source>Import &amp;as:</source>
        <translation>导入为(&amp;A)：</translation>
    </message>
    <message>
        <source>ACLED events (new ones added, known ones updated by event_id_cnty)</source>
        <translation>ACLED 事件（新增新的事件，已知事件按 event_id_cnty 更新）</translation>
    </message>
    <message>
        <source>UCDP events (new ones added, known ones updated by id)</source>
        <translation>UCDP 事件（新增新的事件，已知事件按 id 更新）</translation>
    </message>
    <message>
        <source>New events (this file&apos;s ids are its own)</source>
        <translation>新事件（此文件的编号只属于它自己）</translation>
    </message>
    <message numerus="yes">
        <source>An update of %1, imported %2 (%n event(s))</source>
        <translation>
            <numerusform>对 %1 的更新，导入于 %2（%n 个事件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Working out what the import changes…</source>
        <translation>正在计算导入会带来的更改……</translation>
    </message>
    <message>
        <source>It would add %1 event(s), change %2 and leave %3 as they are; %4 field(s) were changed both in the case and in the file since the last import and keep the case&apos;s value; %5 event(s) deleted in the case stay deleted.</source>
        <translation>将新增 %1 个事件，更改 %2 个，保持 %3 个不变；自上次导入以来，案件和文件都更改过的字段有 %4 个，保留案件中的值；案件中已删除的 %5 个事件保持删除。</translation>
    </message>
    <message>
        <source>Kept: %1 — %2: the case says “%3”, the file “%4”</source>
        <translation>保留：%1 — %2：案件中为“%3”，文件中为“%4”</translation>
    </message>
    <message>
        <source>Changes: %1 (%2)</source>
        <translation>更改：%1（%2）</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) deleted in the case stay deleted.</source>
        <translation>
            <numerusform>案件中已删除的 %n 个事件保持删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Numeric &amp;dates (5/9/2020):</source>
        <translation>数字日期(&amp;D)（5/9/2020）：</translation>
    </message>
    <message>
        <source>Every row is checked as it is imported. If any cannot be imported, nothing is written unless bad rows are to be skipped. A file a spreadsheet re-saved may write its dates as 5/9/2020: say which is the day.</source>
        <translation>每一行在导入时都会检查。若有无法导入的行，除非选择跳过有问题的行，否则不会写入任何内容。经电子表格重新保存的文件可能把日期写成 5/9/2020：请说明哪个是日。</translation>
    </message>
</context>
<context>
    <name>caseatlas::Keys</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>corroborated</source>
        <translation>已佐证</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>admin-area</source>
        <translation>行政区</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>web-page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>social-post</source>
        <translation>社交媒体帖子</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>group</source>
        <translation>团体</translation>
    </message>
    <message>
        <source>state-body</source>
        <translation>国家机构</translation>
    </message>
    <message>
        <source>perpetrator</source>
        <translation>加害者</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>受害者</translation>
    </message>
    <message>
        <source>witness</source>
        <translation>证人</translation>
    </message>
    <message>
        <source>official</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>嫌疑人</translation>
    </message>
    <message>
        <source>source</source>
        <translation>消息来源</translation>
    </message>
    <message>
        <source>media</source>
        <translation>媒体</translation>
    </message>
</context>
<context>
    <name>caseatlas::LayerPanel</name>
    <message>
        <source>Move the layer up (drawn above the others)</source>
        <translation>上移图层（绘制在其他图层之上）</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>下移图层</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom the map to this layer</source>
        <translation>将地图缩放到此图层</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>Show the layer&apos;s attribute table</source>
        <translation>显示图层的属性表</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Colours, labels and categories</source>
        <translation>颜色、标注和分类</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the layer from the case (Delete; undoable)</source>
        <translation>从案件中移除图层（Delete；可撤销）</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>不透明度(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Import Layer…</source>
        <translation>导入图层(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link, don&apos;t copy</source>
        <translation>链接而不复制(&amp;L)</translation>
    </message>
    <message>
        <source>Keep only the file&apos;s path in the case; the layer is shown as missing if the file goes away</source>
        <translation>案件中只保存文件路径；文件不在时图层显示为缺失</translation>
    </message>
    <message>
        <source>%1 (image)</source>
        <translation>%1（图像）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n feature(s))</source>
        <translation>
            <numerusform>%1（%n 个要素）</numerusform>
        </translation>
    </message>
    <message>
        <source> — linked</source>
        <translation> — 已链接</translation>
    </message>
    <message>
        <source> — linked file missing</source>
        <translation> — 链接的文件缺失</translation>
    </message>
    <message>
        <source> — %1% opaque</source>
        <translation> — 不透明度 %1%</translation>
    </message>
    <message>
        <source>Linked file: %1</source>
        <translation>链接的文件：%1</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>导入自 %1</translation>
    </message>
    <message>
        <source>No layers yet: import GeoJSON, TopoJSON, Shapefile, GeoPackage, KML/KMZ, GPX, CSV, GeoTIFF or MBTiles.</source>
        <translation>尚无图层：可导入 GeoJSON、TopoJSON、Shapefile、GeoPackage、KML/KMZ、GPX、CSV、GeoTIFF 或 MBTiles。</translation>
    </message>
    <message>
        <source>Style of “%1”</source>
        <translation>“%1”的样式</translation>
    </message>
    <message>
        <source>Attributes of “%1”</source>
        <translation>“%1”的属性</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Read this linked file, outside the case, on this computer from now on</source>
        <translation>从现在起在这台电脑上读取这个位于案件之外的链接文件</translation>
    </message>
    <message>
        <source> — linked file not read (Allow to read it)</source>
        <translation> — 未读取链接文件（点“允许”以读取）</translation>
    </message>
    <message>
        <source> — cannot be shown</source>
        <translation> — 无法显示</translation>
    </message>
    <message>
        <source>Read a File Outside the Case?</source>
        <translation>读取案件之外的文件？</translation>
    </message>
    <message>
        <source>The layer &quot;%1&quot; links to a file outside the case:

%2

A case made on another computer can name any file. Read this file and show it on the map?</source>
        <translation>图层“%1”链接到案件之外的一个文件：

%2

在其他电脑上制作的案件可以指向任何文件。要读取此文件并在地图上显示吗？</translation>
    </message>
</context>
<context>
    <name>caseatlas::LayerStyleDialog</name>
    <message>
        <source>Layer Style</source>
        <translation>图层样式</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>（无标注）</translation>
    </message>
    <message>
        <source>(one colour)</source>
        <translation>（单一颜色）</translation>
    </message>
    <message>
        <source>&amp;Line colour:</source>
        <translation>线条颜色(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Fill colour:</source>
        <translation>填充颜色(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Labels from:</source>
        <translation>标注字段(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Colours by:</source>
        <translation>分类着色依据(&amp;C)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Choose a Colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>caseatlas::MainWindow</name>
    <message>
        <source>CaseAtlas</source>
        <translation>CaseAtlas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Click the map where the event happened (Escape cancels).</source>
        <translation>点击地图上事件发生的位置（按 Esc 取消）。</translation>
    </message>
    <message>
        <source>%1°, %2°</source>
        <translation>%1°，%2°</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) of %1 selected</source>
        <translation>
            <numerusform>已选择 %1 个事件中的 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>the actor</source>
        <translation>该行为者</translation>
    </message>
    <message>
        <source>the place</source>
        <translation>该地点</translation>
    </message>
    <message>
        <source>the source</source>
        <translation>该来源</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将%1导出到 %2</translation>
    </message>
    <message>
        <source>%1: the name does not say which format to write (.csv, .geojson, .kml, .timeline.json, .md, .html, .csl.json).</source>
        <translation>%1：文件名未说明要写入的格式（.csv、.geojson、.kml、.timeline.json、.md、.html、.csl.json）。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1 (%2 profile; %3 records withheld); logged in the custody log.</source>
        <translation>
            <numerusform>已将 %n 个事件导出到 %1（%2 级别；隐去 %3 条记录）；已记入保管日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows skipped.</source>
        <translation>已导入 %1：新增 %2，更改 %3，未变 %4，跳过错误行 %5。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n layer(s)</source>
        <translation>
            <numerusform>已导入 %n 个图层</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>People &amp;&amp; Places</source>
        <translation>人员与地点</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>打开案件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Case</source>
        <translation>打开示例案件(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Saved a copy to %1</source>
        <translation>已将副本保存到 %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Briefing…</source>
        <translation>简报(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Import ACLED Data…</source>
        <translation>导入 ACLED 数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;UCDP GED Data…</source>
        <translation>导入 UCDP GED 数据(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>关闭案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation>新建事件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete Selected Events</source>
        <translation>删除所选事件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>New &amp;Note</source>
        <translation>新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Fit All Events</source>
        <translation>显示全部事件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Zoom to Selection</source>
        <translation>缩放到所选内容(&amp;Z)</translation>
    </message>
    <message>
        <source>Timeline &amp;Lanes</source>
        <translation>时间线泳道(&amp;L)</translation>
    </message>
    <message>
        <source>By &amp;Tag</source>
        <translation>按标签(&amp;T)</translation>
    </message>
    <message>
        <source>By &amp;Actor</source>
        <translation>按行为者(&amp;A)</translation>
    </message>
    <message>
        <source>By &amp;Place</source>
        <translation>按地点(&amp;P)</translation>
    </message>
    <message>
        <source>By &amp;Source</source>
        <translation>按来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;One Lane</source>
        <translation>单一泳道(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export Timeline…</source>
        <translation>导出时间线(&amp;E)…</translation>
    </message>
    <message>
        <source>the timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>图表(&amp;C)</translation>
    </message>
    <message>
        <source>Export C&amp;hart…</source>
        <translation>导出图表(&amp;H)…</translation>
    </message>
    <message>
        <source>the chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Import Layer…</source>
        <translation>导入图层(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link Layer…</source>
        <translation>链接图层(&amp;L)…</translation>
    </message>
    <message>
        <source>Fit Map to &amp;Events</source>
        <translation>地图适配事件(&amp;E)</translation>
    </message>
    <message>
        <source>Fit Map to &amp;Selection</source>
        <translation>地图适配所选内容(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;xport Map…</source>
        <translation>导出地图(&amp;X)…</translation>
    </message>
    <message>
        <source>the map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>&amp;Play Through Time</source>
        <translation>按时间播放(&amp;P)</translation>
    </message>
    <message>
        <source>Map &amp;Follows the Timeline</source>
        <translation>地图跟随时间线(&amp;F)</translation>
    </message>
    <message>
        <source>Online &amp;Tiles…</source>
        <translation>在线瓦片(&amp;T)…</translation>
    </message>
    <message>
        <source>Show &amp;Online Tiles</source>
        <translation>显示在线瓦片(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About CaseAtlas</source>
        <translation>关于 CaseAtlas(&amp;A)</translation>
    </message>
    <message>
        <source>About CaseAtlas</source>
        <translation>关于 CaseAtlas</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CaseAtlas %1&lt;/h3&gt;&lt;p&gt;Evidence-backed chronologies: timeline, map and notebook in one case file (SQLite + GeoPackage).&lt;/p&gt;&lt;p&gt;The sample case is built from a Candid.Technology article reporting a Washington Post investigation; quotes are paraphrased.&lt;/p&gt;&lt;p&gt;Basemap: Natural Earth (public domain). Place names: GeoNames (CC BY 4.0, geonames.org).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CaseAtlas %1&lt;/h3&gt;&lt;p&gt;有证据支撑的年表：时间线、地图和笔记本，都在一个案件文件中（SQLite + GeoPackage）。&lt;/p&gt;&lt;p&gt;示例案件依据 Candid.Technology 一篇报道《华盛顿邮报》调查的文章编写；引文均为转述。&lt;/p&gt;&lt;p&gt;底图：Natural Earth（公有领域）。地名：GeoNames（CC BY 4.0，geonames.org）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Rename Case</source>
        <translation>重命名案件</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <source>Title of the event on %1:</source>
        <translation>%1 的事件标题：</translation>
    </message>
    <message>
        <source>Import Layer</source>
        <translation>导入图层</translation>
    </message>
    <message>
        <source>GIS files (*.geojson *.json *.topojson *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.csv *.tif *.tiff *.mbtiles);;All files (*)</source>
        <translation>GIS 文件 (*.geojson *.json *.topojson *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.csv *.tif *.tiff *.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg *.pdf)</source>
        <translation>图片 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Export Briefing</source>
        <translation>导出简报</translation>
    </message>
    <message>
        <source>Keep Briefing</source>
        <translation>保存简报</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation>图片 (*.png *.svg)</translation>
    </message>
    <message>
        <source>Online Tiles</source>
        <translation>在线瓦片</translation>
    </message>
    <message>
        <source>Address of an XYZ tile service, with {z}, {x} and {y}.
The map will fetch tiles from it over the internet while online tiles are on.</source>
        <translation>XYZ 瓦片服务的地址，包含 {z}、{x} 和 {y}。
开启在线瓦片时，地图会通过互联网从该服务获取瓦片。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>CSV (*.csv);;GeoJSON (*.geojson);;KML for Google Earth (*.kml);;TimelineJS (*.timeline.json);;Markdown report (*.md);;HTML report (*.html);;CSL-JSON sources for Zotero (*.csl.json)</source>
        <translation>CSV (*.csv);;GeoJSON (*.geojson);;Google 地球 KML (*.kml);;TimelineJS (*.timeline.json);;Markdown 报告 (*.md);;HTML 报告 (*.html);;供 Zotero 使用的 CSL-JSON 来源 (*.csl.json)</translation>
    </message>
    <message>
        <source>public — withhold confidential records, pseudonyms for protected persons, rough coordinates</source>
        <translation>公开——隐去机密记录，受保护人员使用化名，坐标取近似值</translation>
    </message>
    <message>
        <source>internal — withhold confidential records</source>
        <translation>内部——隐去机密记录</translation>
    </message>
    <message>
        <source>full — everything</source>
        <translation>完整——全部内容</translation>
    </message>
    <message>
        <source>Who is this export for?</source>
        <translation>此导出给谁看？</translation>
    </message>
    <message>
        <source>Import ACLED Data</source>
        <translation>导入 ACLED 数据</translation>
    </message>
    <message>
        <source>ACLED export (*.csv);;All files (*)</source>
        <translation>ACLED 导出 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import UCDP GED Data</source>
        <translation>导入 UCDP GED 数据</translation>
    </message>
    <message>
        <source>UCDP GED (*.csv);;All files (*)</source>
        <translation>UCDP GED (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>All importable files (*.csv *.tsv *.txt *.xlsx *.ods *.json *.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx *.timeline);;Spreadsheets (*.csv *.tsv *.txt *.xlsx *.ods);;TimelineJS (*.json *.csv *.xlsx);;Timeline (*.timeline);;GIS points (*.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx);;All files (*)</source>
        <translation>所有可导入的文件 (*.csv *.tsv *.txt *.xlsx *.ods *.json *.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx *.timeline);;电子表格 (*.csv *.tsv *.txt *.xlsx *.ods);;TimelineJS (*.json *.csv *.xlsx);;Timeline (*.timeline);;GIS 点 (*.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rows That Cannot Be Imported</source>
        <translation>无法导入的行</translation>
    </message>
    <message>
        <source>%1

Import the other rows and skip these?</source>
        <translation>%1

导入其他行并跳过这些行吗？</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>%1 is already open in this window.</source>
        <translation>%1 已在此窗口中打开。</translation>
    </message>
    <message>
        <source>another window of this CaseAtlas</source>
        <translation>本 CaseAtlas 的另一个窗口</translation>
    </message>
    <message>
        <source>CaseAtlas process %1 on %2</source>
        <translation>%2 上的 CaseAtlas 进程 %1</translation>
    </message>
    <message>
        <source>%1 is already open in %2. Switch to it, or close the case there first; two windows writing one case could overwrite each other&apos;s edits.</source>
        <translation>%1 已在%2中打开。请切换到那里，或先在那里关闭该案件；两个窗口同时写入同一案件可能会互相覆盖编辑。</translation>
    </message>
    <message>
        <source>Sample case</source>
        <translation>示例案件</translation>
    </message>
    <message>
        <source>Building indexes… %v of %m</source>
        <translation>正在建立索引… %v / %m</translation>
    </message>
    <message>
        <source>Indexing for search… %p%</source>
        <translation>正在建立搜索索引… %p%</translation>
    </message>
    <message>
        <source>Search indexing stopped: %1</source>
        <translation>搜索索引已停止：%1</translation>
    </message>
    <message>
        <source>Read-only: %1. Changes cannot be saved to this file.</source>
        <translation>只读：%1。更改无法保存到此文件。</translation>
    </message>
    <message>
        <source>The case was updated to the current format; the previous version was kept as %1</source>
        <translation>案件已更新为当前格式；旧版本保存为 %1</translation>
    </message>
    <message>
        <source>%1 — CaseAtlas</source>
        <translation>%1 — CaseAtlas</translation>
    </message>
    <message>
        <source>%1 unsourced</source>
        <translation>%1 个无来源</translation>
    </message>
    <message>
        <source>&lt;p&gt;The filter shows %1 of %2 events.&lt;/p&gt;</source>
        <translation>&lt;p&gt;筛选显示 %2 个事件中的 %1 个。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The list shows the first %1 events.&lt;/p&gt;</source>
        <translation>&lt;p&gt;列表显示前 %1 个事件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Timeline ▸ Zoom in / out</source>
        <translation>时间线 ▸ 放大 / 缩小</translation>
    </message>
    <message>
        <source>+ / −</source>
        <translation>+ / −</translation>
    </message>
    <message>
        <source>Timeline ▸ Pan</source>
        <translation>时间线 ▸ 平移</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>左 / 右</translation>
    </message>
    <message>
        <source>Timeline ▸ Select the previous / next event</source>
        <translation>时间线 ▸ 选择上一个 / 下一个事件</translation>
    </message>
    <message>
        <source>Ctrl+Left / Ctrl+Right</source>
        <translation>Ctrl+左 / Ctrl+右</translation>
    </message>
    <message>
        <source>Timeline ▸ Fit all events</source>
        <translation>时间线 ▸ 显示全部事件</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Timeline ▸ Zoom to the selection</source>
        <translation>时间线 ▸ 缩放到所选内容</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>Timeline ▸ Scroll the lanes</source>
        <translation>时间线 ▸ 滚动泳道</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>Briefing ▸ Move a block up / down</source>
        <translation>简报 ▸ 上移 / 下移组成部分</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+上 / Alt+下</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 个事件</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 个事件</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 个来源</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 个来源</translation>
    </message>
    <message>
        <source>1 actor</source>
        <translation>1 个行为者</translation>
    </message>
    <message>
        <source>%1 actors</source>
        <translation>%1 个行为者</translation>
    </message>
    <message>
        <source>1 place</source>
        <translation>1 个地点</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 个地点</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条笔记</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 条笔记</translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation>1 个附件</translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation>%1 个附件</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation>显示 %2 个事件中的 %1 个</translation>
    </message>
    <message>
        <source> · %1 selected</source>
        <translation> · 已选择 %1 个</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message numerus="yes">
        <source>The custody log of %1 does not add up (%n finding(s)): entries were changed, removed or inserted outside CaseAtlas. The case is open, but its record of who did what with the evidence cannot be relied on.</source>
        <translation>
            <numerusform>%1 的监管链日志对不上（%n 处发现）：有记录在 CaseAtlas 之外被更改、删除或插入。案件已打开，但其中关于谁对证据做过什么的记录不可依赖。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Check the Whole File…</source>
        <translation>检查整个文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Reading every page of %1…</source>
        <translation>正在读取 %1 的每一页…</translation>
    </message>
    <message>
        <source>The check of %1 was cancelled.</source>
        <translation>%1 的检查已取消。</translation>
    </message>
    <message>
        <source>Checked every page of %1: no damage found.</source>
        <translation>已检查 %1 的每一页：未发现损坏。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: SQLite&apos;s check of the whole file found %n problem(s). Save what still reads (Save a Copy) and go back to a backup.</source>
        <translation>
            <numerusform>%1 已损坏：SQLite 对整个文件的检查发现 %n 个问题。请保存仍可读取的内容（另存副本），并回到备份。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::MapTimeBar</name>
    <message>
        <source>Play through the case (Space on the slider)</source>
        <translation>按时间播放案件（在滑块上按空格键）</translation>
    </message>
    <message>
        <source>The time shown on the map</source>
        <translation>地图上显示的时间</translation>
    </message>
    <message>
        <source>Follow the timeline</source>
        <translation>跟随时间线</translation>
    </message>
    <message>
        <source>1 week at a time</source>
        <translation>每次 1 周</translation>
    </message>
    <message>
        <source>1 month at a time</source>
        <translation>每次 1 个月</translation>
    </message>
    <message>
        <source>3 months at a time</source>
        <translation>每次 3 个月</translation>
    </message>
    <message>
        <source>1 year at a time</source>
        <translation>每次 1 年</translation>
    </message>
    <message>
        <source>as the timeline</source>
        <translation>与时间线相同</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>caseatlas::NewEventDialog</name>
    <message>
        <source>New Event</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <source>EDTF: 2023-11-12, 2023-11?, 2023~/2024, ../2024-01-05</source>
        <translation>EDTF：2023-11-12、2023-11?、2023~/2024、../2024-01-05</translation>
    </message>
    <message>
        <source>(no place yet)</source>
        <translation>（暂无地点）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Add Event</source>
        <translation>添加事件(&amp;A)</translation>
    </message>
    <message>
        <source>%1 — from %2 to %3</source>
        <translation>%1 — 从 %2 到 %3</translation>
    </message>
</context>
<context>
    <name>caseatlas::NotebookPanel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Markdown. Type [[ to link an event, actor, place or source.</source>
        <translation>Markdown。输入 [[ 可链接事件、行为者、地点或来源。</translation>
    </message>
    <message>
        <source>&amp;New Note</source>
        <translation>新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source> (confidential)</source>
        <translation> （机密）</translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation>无标题笔记</translation>
    </message>
</context>
<context>
    <name>caseatlas::PeoplePlacesPanel</name>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Language (zh-Hans, my, en…)</source>
        <translation>语言（zh-Hans、my、en…）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Add Alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>笔记：</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Actors</source>
        <translation>行为者(&amp;A)</translation>
    </message>
    <message>
        <source>town, compound, border crossing, region…</source>
        <translation>城镇、园区、边境口岸、地区…</translation>
    </message>
    <message>
        <source>Type a town to add it from the gazetteer</source>
        <translation>输入城镇名，从地名词典添加</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>国家(&amp;C)：</translation>
    </message>
    <message>
        <source>lat</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>lon</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>&amp;Gazetteer:</source>
        <translation>地名词典(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>New actor</source>
        <translation>新行为者</translation>
    </message>
    <message>
        <source> (protected)</source>
        <translation> （受保护）</translation>
    </message>
    <message>
        <source>Latitude runs from -90 to 90 and longitude from -180 to 180.</source>
        <translation>纬度范围为 -90 到 90，经度范围为 -180 到 180。</translation>
    </message>
    <message>
        <source>No such gazetteer entry.</source>
        <translation>地名词典中没有该条目。</translation>
    </message>
    <message>
        <source>Protected person (victim, witness)</source>
        <translation>受保护人员（受害者、证人）</translation>
    </message>
    <message>
        <source>Never named in public exports and briefings: a pseudonym stands in for every name and alias.</source>
        <translation>在公开导出和简报中从不具名：每个名称和别名都以化名代替。</translation>
    </message>
</context>
<context>
    <name>caseatlas::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Kilometres and metres</source>
        <translation>公里和米</translation>
    </message>
    <message>
        <source>Miles and feet</source>
        <translation>英里和英尺</translation>
    </message>
    <message>
        <source>As written (EDTF: 2023-11?)</source>
        <translation>按原文（EDTF：2023-11?）</translation>
    </message>
    <message>
        <source>In words (Nov 2023?)</source>
        <translation>文字形式（Nov 2023?）</translation>
    </message>
    <message>
        <source>Town and city names from the offline gazetteer</source>
        <translation>显示离线地名词典中的城镇名称</translation>
    </message>
    <message>
        <source>Fetch map tiles from the internet</source>
        <translation>从互联网获取地图瓦片</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Empty the Cache</source>
        <translation>清空缓存</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Distances:</source>
        <translation>距离(&amp;D)：</translation>
    </message>
    <message>
        <source>Dates in the &amp;list:</source>
        <translation>列表中的日期(&amp;L)：</translation>
    </message>
    <message>
        <source>Map:</source>
        <translation>地图：</translation>
    </message>
    <message>
        <source>Tile &amp;address:</source>
        <translation>瓦片地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Tile &amp;cache:</source>
        <translation>瓦片缓存(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>外观(&amp;P)：</translation>
    </message>
    <message>
        <source>Every import, export, briefing and piece of evidence is recorded in a case&apos;s custody log under this name.</source>
        <translation>每次导入、导出、简报和证据操作都会以此名称记录在案件的监管链日志中。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>caseatlas::SearchPanel</name>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>行为者</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Search events, quotes, notes, sources, people, places (Ctrl+K)</source>
        <translation>搜索事件、引文、笔记、来源、人员、地点（Ctrl+K）</translation>
    </message>
    <message>
        <source>Indexing the case for search…</source>
        <translation>正在为案件建立搜索索引…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>未找到“%1”。</translation>
    </message>
</context>
<context>
    <name>caseatlas::SourceLibrary</name>
    <message>
        <source>Filter sources</source>
        <translation>筛选来源</translation>
    </message>
    <message>
        <source>Add from &amp;Address…</source>
        <translation>从网址添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add from &amp;File…</source>
        <translation>从文件添加(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>&amp;Verify Evidence</source>
        <translation>核验证据(&amp;V)</translation>
    </message>
    <message>
        <source>Custody &amp;Log…</source>
        <translation>保管日志(&amp;L)…</translation>
    </message>
    <message>
        <source>Notes linking to this source:</source>
        <translation>链接到此来源的笔记：</translation>
    </message>
    <message>
        <source>Drop files here to keep them in the case as sources.</source>
        <translation>将文件拖放到此处，作为来源保存在案件中。</translation>
    </message>
    <message>
        <source>Add a file as a source</source>
        <translation>添加文件作为来源</translation>
    </message>
    <message>
        <source>Capture Details</source>
        <translation>采集详情</translation>
    </message>
    <message>
        <source>where it was found, https://…</source>
        <translation>发现的位置，https://…</translation>
    </message>
    <message>
        <source>&amp;Original address:</source>
        <translation>原始网址(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Captured at (UTC):</source>
        <translation>采集时间（UTC）(&amp;C)：</translation>
    </message>
    <message>
        <source>Collected &amp;by:</source>
        <translation>采集人(&amp;B)：</translation>
    </message>
    <message>
        <source>“%1” is not a date and time such as 2024-01-05T14:30:00Z.</source>
        <translation>“%1”不是 2024-01-05T14:30:00Z 这样的日期时间。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>未打开案件。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>Added %1 (SHA-256 kept in the custody log)</source>
        <translation>已添加 %1（SHA-256 已记入保管日志）</translation>
    </message>
    <message numerus="yes">
        <source>Verified %n file(s): every one matches its SHA-256.</source>
        <translation>
            <numerusform>已核验 %n 个文件：全部与其 SHA-256 相符。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (#%2): stored %3, now %4</source>
        <translation>%1（#%2）：存储值 %3，现值 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no longer match their SHA-256: the evidence was changed.</source>
        <translation>
            <numerusform>%n 个文件与其 SHA-256 不再相符：证据已被更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a Source</source>
        <translation>添加来源</translation>
    </message>
    <message>
        <source>EDTF, e.g. 2023-11-12</source>
        <translation>EDTF，例如 2023-11-12</translation>
    </message>
    <message>
        <source>Nothing is fetched: enter what you know by hand.</source>
        <translation>不会联网获取：请手动填写已知信息。</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>网址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>发布者(&amp;P)：</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>作者(&amp;U)：</translation>
    </message>
    <message>
        <source>Pu&amp;blished:</source>
        <translation>发布日期(&amp;B)：</translation>
    </message>
    <message>
        <source>A&amp;rchived copy:</source>
        <translation>存档副本(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Reliability:</source>
        <translation>可靠性(&amp;R)：</translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation>来源需要标题。</translation>
    </message>
    <message>
        <source>Edit Source</source>
        <translation>编辑来源</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Files of this source</source>
        <translation>此来源的文件</translation>
    </message>
    <message>
        <source>%1 — %2 bytes — SHA-256 %3…
captured %4 by %5 %6</source>
        <translation>%1 — %2 字节 — SHA-256 %3…
%5 于 %4 采集 %6</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the file</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Exported to %1; the custody log records it.</source>
        <translation>已导出到 %1；保管日志已记录。</translation>
    </message>
</context>
<context>
    <name>caseatlas::SourceTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>caseatlas::TimelineView</name>
    <message>
        <source>Open a case to see its timeline.</source>
        <translation>打开案件以查看其时间线。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Unsourced&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;无来源&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s), best reliability %1</source>
        <translation>
            <numerusform>%n 个来源，最佳可靠性 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) from %1 to %2</source>
        <translation>
            <numerusform>%n 个事件，从 %1 到 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;CaseAtlas&lt;/h1&gt;&lt;p&gt;Build a chronology you can defend: events with their sources, on a timeline and a map, with notes that link it all.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;CaseAtlas&lt;/h1&gt;&lt;p&gt;编写经得起推敲的年表：事件及其来源，呈现在时间线和地图上，并用笔记把一切联系起来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>打开案件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;sample case</source>
        <translation>打开示例案件(&amp;S)</translation>
    </message>
    <message>
        <source>Scam compounds in Myanmar&apos;s Kokang region: protection, crackdown, repatriation</source>
        <translation>缅甸果敢地区的诈骗园区：保护伞、打击与遣返</translation>
    </message>
    <message>
        <source>Recent cases:</source>
        <translation>最近的案件：</translation>
    </message>
</context>
</TS>
