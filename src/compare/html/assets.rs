//! Inline CSS and JS of the report page; kept inline so the file opens offline, alone.

/// Blocks every network load; only the inline style and script may run.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// Page style.
pub const CSS: &str = r#"
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:24px auto;max-width:1180px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta,.note{color:#555}.notice{border-left:4px solid #c8a02c;background:#fdf8e8;padding:2px 14px;margin:10px 0}
.notice p{margin:8px 0}code{font-size:12.5px}.scroll{overflow-x:auto}
ul.flags{padding-left:20px}ul.flags li{margin:3px 0}
li.over::marker{color:#b03a2e}li.under::marker{color:#1f618d}
.charts{display:flex;flex-wrap:wrap;gap:24px}svg{max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif;fill:#222}svg text.axis{fill:#666;font-size:11px}
svg text.charttitle{font-weight:600;font-size:13px}svg text.on-dark{fill:#fff}svg text.colhead{font-size:11px}
svg .thin text.rowhead,svg text.rowhead.thin{fill:#999;font-style:italic}
.heatmap .cell.over rect{stroke:#000;stroke-width:2.5}.heatmap .cell.under rect{stroke:#1f618d;stroke-width:2.5;stroke-dasharray:4 2}
.legend-thin{fill:#f2f2f2;stroke:#bbb}.heatmap .cell.thin text{fill:#888;font-style:italic}
.legend-over{fill:#fff;stroke:#000;stroke-width:2.5}.legend-under{fill:#fff;stroke:#1f618d;stroke-width:2.5;stroke-dasharray:4 2}
.dots .grid{stroke:#eee}.dots .overall{stroke:#888;stroke-dasharray:4 3}
.dots .whisker{stroke:#777;stroke-width:2}.dots circle{fill:#555;stroke:#fff}
.dots .over circle{fill:#b03a2e}.dots .over .whisker{stroke:#b03a2e}
.dots .under circle{fill:#1f618d}.dots .under .whisker{stroke:#1f618d}
.dots .thin circle{fill:#fff;stroke:#999;stroke-width:1.5}.dots .thin .whisker{stroke:#ccc}
table{border-collapse:collapse;font-size:13px}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none;background:#f6f6f6;position:sticky;top:0}
table.sortable th[aria-sort=ascending]::after{content:" ▲"}table.sortable th[aria-sort=descending]::after{content:" ▼"}
tr.over td{background:#fdecea}tr.under td{background:#eaf2fb}tr.insufficient td{color:#999}
.tablebox{max-height:520px;overflow:auto;border:1px solid #ddd}
input.filter{margin:0 0 8px;padding:4px 8px;width:280px}
.o-provided{background:#d5f0dc}.o-partial{background:#eaf6d5}.o-refused{background:#f8d7d3}
.o-not_held{background:#e6e6e6}.o-review{background:#e8def3}.o-none{background:#fbf6e3}
.gname{color:#666}#measures td:nth-child(-n+2){white-space:normal}.swatch{display:inline-block;padding:1px 6px;margin-right:6px;border-radius:3px}
table.matrix td{white-space:normal;min-width:88px;font-size:12px}table.matrix thead th{white-space:normal;vertical-align:bottom;min-width:110px}table.matrix tbody th{background:#fff;text-align:left;font-weight:normal}
#request-summary{margin-bottom:12px}
@media print{
 body{max-width:none;margin:0;padding:0;font-size:11px}
 .tablebox,.scroll{max-height:none!important;overflow:visible!important;border:0}
 input.filter,.note .hint{display:none}
 table.sortable th{position:static}
 thead{display:table-header-group}
 tr{display:table-row!important;break-inside:avoid}
 td,th{white-space:normal}
 svg{max-width:100%;max-height:24cm;width:auto;height:auto}
 h2{break-after:avoid}.notice{break-inside:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"#;

/// Table sorting (click a header) and row filtering; numbers sort by their `data-v`.
pub const JS: &str = r#"
(function(){
 function key(td){var v=td.getAttribute('data-v');return v===null?td.textContent:(v===''?null:parseFloat(v));}
 document.querySelectorAll('table.sortable').forEach(function(t){
  var ths=t.tHead.rows[0].cells;
  Array.prototype.forEach.call(ths,function(th,i){th.addEventListener('click',function(){
   var asc=th.getAttribute('aria-sort')!=='ascending';
   Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});
   th.setAttribute('aria-sort',asc?'ascending':'descending');
   var rows=Array.prototype.slice.call(t.tBodies[0].rows);
   rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);
    if(x===null&&y===null)return 0;if(x===null)return 1;if(y===null)return -1;
    var c=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y),undefined,{numeric:true});
    return asc?c:-c;});
   rows.forEach(function(r){t.tBodies[0].appendChild(r);});
  });});
 });
 document.querySelectorAll('input.filter').forEach(function(inp){
  var t=document.getElementById(inp.getAttribute('data-table'));
  inp.addEventListener('input',function(){var q=inp.value.toLowerCase();
   Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});
 });
})();
"#;
