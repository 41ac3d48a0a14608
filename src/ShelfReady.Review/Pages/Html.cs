using System.Text.Encodings.Web;

namespace ShelfReady.Review.Pages;

/// <summary>HTML helpers: every value from a user, a file name or a record goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string Layout(string title, string body, string script = "") => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · ShelfReady review</title>
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d232b;background:#f3f4f6}
        header{background:#1d232b;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:baseline}
        header h1{font-size:17px;margin:0;overflow-wrap:anywhere}header span{opacity:.75}
        main{padding:16px 20px}.muted{color:#5b6470}.banner{padding:10px 14px;border-radius:6px;margin:0 0 12px;background:#fff4d6;border:1px solid #e5c66b}
        .ok{background:#e3f6e8;border-color:#7cc494}.verdicts{margin:0;padding-left:18px}.verdict-fix b{color:#8a5a00}.verdict-not-allowed b{color:#b3261e}.panes{display:grid;grid-template-columns:1fr 1fr;gap:12px}
        .pane{background:#fff;border:1px solid #d6d9de;border-radius:6px;padding:8px}.pane h2{font-size:14px;margin:0 0 6px}
        .view{position:relative;overflow:hidden;height:560px;background:repeating-conic-gradient(#e9ebee 0 25%,#fff 0 50%) 0 0/16px 16px}
        .view.actual{overflow:auto}.stack{position:relative;display:inline-block}
        .view:not(.actual) .stack{width:100%;height:100%}.view:not(.actual) .stack img,.view:not(.actual) .stack svg{position:absolute;inset:0;width:100%;height:100%;object-fit:contain}
        .view.actual .stack img{display:block}.view.actual .stack .ov,.view.actual .stack svg{position:absolute;left:0;top:0}
        .ov{display:none}#ov-bg:checked~.panes .ov-bg,#ov-edge:checked~.panes .ov-edge,#ov-qc:checked~.panes .ov-qc{display:block}
        .tools{margin:8px 0;display:flex;gap:14px;align-items:center;flex-wrap:wrap}
        .grid{display:grid;grid-template-columns:1.2fr 1fr;gap:16px;margin-top:14px}
        table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid #e3e5e8;padding:6px 8px;text-align:left;vertical-align:top}
        form.decide{background:#fff;border:1px solid #d6d9de;border-radius:6px;padding:10px;margin-bottom:8px}
        textarea{width:100%;box-sizing:border-box;min-height:44px}button{font:inherit;padding:6px 14px;border-radius:5px;border:1px solid #8a929c;background:#fff;cursor:pointer}
        button.primary{background:#16794a;color:#fff;border-color:#16794a}kbd{border:1px solid #aab;border-radius:3px;padding:0 4px;font-size:12px;background:#fff}
        tr.sel{outline:3px solid #2f6fde;outline-offset:-3px}tr.item td{vertical-align:middle}.thumb{width:80px;height:80px;object-fit:contain;background:#fff;border:1px solid #ddd}
        </style></head><body>
        {{body}}
        {{(script.Length == 0 ? "" : "<script>" + script + "</script>")}}
        </body></html>
        """;
}
