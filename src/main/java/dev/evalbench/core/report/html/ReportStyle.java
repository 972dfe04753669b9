package dev.evalbench.core.report.html;

/**
 * The report page's one style sheet, inlined so the file needs nothing else: system fonts, light and dark
 * colours by {@code prefers-color-scheme}, tables, badges, side-by-side diffs and chart colours. Constant.
 */
final class ReportStyle {
    private ReportStyle() {}

    static final String CSS = """
            :root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--pass:#1a7f37;--pass-bg:#dafbe1;\
            --fail:#cf222e;--fail-bg:#ffebe9;--accent:#0969da;--base:#8c959f;--del:#fff0ef;--del-strong:#ffc1bc;\
            --ins:#e9fbed;--ins-strong:#a8ecb8}
            @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;\
            --pass:#3fb950;--pass-bg:#12261e;--fail:#f85149;--fail-bg:#2d1214;--accent:#4493f8;--base:#656c76;--del:#25171a;\
            --del-strong:#7a2a2e;--ins:#13231a;--ins-strong:#23693a}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1160px;margin:0 auto;padding:32px 24px 72px}
            h1{font-size:26px;line-height:1.25;margin:0 0 6px}
            h2{font-size:19px;margin:44px 0 14px;padding-bottom:6px;border-bottom:1px solid var(--line)}
            h3{font-size:15px;margin:26px 0 8px}
            p{margin:8px 0}
            nav{margin:14px 0 0;font-size:14px}nav a{color:var(--accent);text-decoration:none;margin-right:16px}
            .meta{color:var(--muted);font-size:13px}
            .verdict{display:flex;align-items:center;gap:14px;margin:18px 0 4px;padding:14px 18px;border-radius:10px;font-size:17px;font-weight:600}
            .verdict.pass{background:var(--pass-bg);color:var(--pass)}.verdict.fail{background:var(--fail-bg);color:var(--fail)}
            .badge{display:inline-block;padding:1px 9px;border-radius:999px;font-weight:600;font-size:12px;white-space:nowrap}
            .badge.pass{color:var(--pass);background:var(--pass-bg)}.badge.fail{color:var(--fail);background:var(--fail-bg)}
            .badge.neutral{color:var(--muted);background:var(--soft)}
            table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0}
            .wide{overflow-x:auto;margin:6px 0}.wide>table{margin:0}
            th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.num .bound{display:block;white-space:normal;min-width:11em;color:var(--muted);font-size:12px}
            tr.failed>td{background:var(--fail-bg)}
            td.detail{color:var(--muted);font-size:13px;padding-top:0}
            code,pre,table.diff{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            pre{background:var(--soft);padding:10px 12px;border-radius:6px;margin:6px 0;white-space:pre-wrap;word-break:break-word}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:10px 0 18px}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
            .card .value{font-size:21px;font-weight:600;font-variant-numeric:tabular-nums}
            .card .sub{color:var(--muted);font-size:12px}
            .case{border:1px solid var(--line);border-radius:8px;margin:14px 0;overflow:hidden}
            .case>header{display:flex;flex-wrap:wrap;gap:10px;align-items:baseline;padding:8px 12px;background:var(--soft);border-bottom:1px solid var(--line)}
            .case>header code{font-weight:600;font-size:13.5px}
            .case .why{padding:6px 12px;font-size:13px;color:var(--muted)}
            table.diff{table-layout:fixed;margin:0}
            table.diff td{border:0;padding:1px 8px;white-space:pre-wrap;word-break:break-word}
            table.diff col.ln{width:3.4em}table.diff td.ln{color:var(--muted);text-align:right;user-select:none}
            table.diff th{padding:4px 8px;text-transform:none;letter-spacing:0;font-family:system-ui,sans-serif}
            table.diff tr.del td.l,table.diff tr.chg td.l{background:var(--del)}
            table.diff tr.ins td.r,table.diff tr.chg td.r{background:var(--ins)}
            del{background:var(--del-strong);text-decoration:none;border-radius:2px}
            ins{background:var(--ins-strong);text-decoration:none;border-radius:2px}
            details{margin:6px 0}summary{cursor:pointer;color:var(--accent)}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(480px,100%),1fr));gap:22px;align-items:start}
            figure{margin:0}figcaption{color:var(--muted);font-size:13px;margin:4px 0}
            .chart{width:100%;height:auto}
            .chart .axis{stroke:var(--muted)}.chart .tick,.chart .axis-label{fill:var(--muted);font-size:11px}
            .chart .marker-label{paint-order:stroke;stroke:var(--bg);stroke-width:3px}
            .chart .bar-run{fill:var(--accent)}.chart .bar-base{fill:var(--base)}.chart .bar-pass{fill:var(--pass)}
            .chart .track{fill:var(--soft)}.chart .whisker{stroke:var(--fg);stroke-width:1.5}
            .chart .marker{stroke:var(--fail);stroke-width:2;stroke-dasharray:4 3}
            .legend span{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 12px;vertical-align:middle}
            .legend .run{background:var(--accent)}.legend .base{background:var(--base)}
            table.gates td strong{white-space:nowrap}table.cases td:first-child{white-space:nowrap}table.cases td:nth-child(3){width:20%}table.cases td:last-child{width:38%}
            .input{padding:4px 12px}.input .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
            details.more>summary{font-weight:600;margin:10px 0}
            ul.signers{padding-left:18px}ul.signers .role{color:var(--muted)}
            footer{margin-top:48px;color:var(--muted);font-size:12px}
            @media (max-width:640px){main{padding:20px 12px 48px}h1{font-size:22px}\
            table.cases,table.cases tbody,table.cases tr,table.cases td{display:block;width:auto!important}\
            table.cases thead{display:none}table.cases tr{border-bottom:1px solid var(--line);padding:6px 0}table.cases td{border:0;padding:2px 6px}}
            """;
}
