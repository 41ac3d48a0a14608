using System.Globalization;
using System.Text;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review.Decisions;
using static ShelfReady.Review.Pages.Html;

namespace ShelfReady.Review.Pages;

/// <summary>
/// Server-rendered review pages. Decisions are plain forms that work without script; the small script only
/// adds 1:1 zoom and keyboard shortcuts. Overlays toggle with CSS checkboxes.
/// </summary>
public static class ReviewPages
{
    private const string ReviewScript = """
        document.querySelectorAll('[data-zoom]').forEach(b=>b.addEventListener('click',()=>{document.querySelectorAll('.view').forEach(v=>v.classList.toggle('actual',b.dataset.zoom==='1'));}));
        const views=[...document.querySelectorAll('.view')];views.forEach(v=>v.addEventListener('scroll',()=>views.forEach(o=>{if(o!==v){o.scrollLeft=v.scrollLeft;o.scrollTop=v.scrollTop;}})));
        document.addEventListener('keydown',e=>{if(e.target.closest('textarea,input'))return;const k=e.key;
        if(k==='a'){document.getElementById('f-approve')?.requestSubmit();}else if(k==='r'){e.preventDefault();document.getElementById('reject-reason')?.focus();}
        else if(k==='d'){e.preventDefault();document.getElementById('redo-note')?.focus();}else if(k==='z'){document.querySelector('.view')?.classList.contains('actual')?document.querySelector('[data-zoom="fit"]').click():document.querySelector('[data-zoom="1"]').click();}
        else if(k==='1'||k==='2'||k==='3'){const c=document.getElementById(['ov-bg','ov-edge','ov-qc'][+k-1]);c.checked=!c.checked;}
        else if(k==='q'){const q=document.getElementById('back');if(q)location.href=q.href;}});
        """;

    private const string QueueScript = """
        const rows=[...document.querySelectorAll('tr.item')];let i=0;const sel=n=>{if(!rows.length)return;rows[i].classList.remove('sel');i=Math.max(0,Math.min(rows.length-1,n));rows[i].classList.add('sel');rows[i].scrollIntoView({block:'nearest'});};sel(0);
        document.addEventListener('keydown',e=>{if(!rows.length)return;const r=rows[i];
        if(e.key==='j'||e.key==='ArrowDown'){e.preventDefault();sel(i+1);}else if(e.key==='k'||e.key==='ArrowUp'){e.preventDefault();sel(i-1);}
        else if(e.key==='Enter'||e.key==='o'){location.href=r.querySelector('a.open').href;}else if(e.key==='a'){r.querySelector('form').requestSubmit();}
        else if(e.key==='r'){location.href=r.querySelector('a.open').href+'#reject';}});
        """;

    /// <summary>The review page of one attempt.</summary>
    public static string Review(ReviewPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var request = model.Record.Request;
        var attempt = request.Attempt;
        var qc = attempt.Qc;
        var composite = attempt.Composite;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(request.Job.Source.FileName)}</h1><span>{E(request.Job.Merchant)} / {E(request.Job.Batch)} · attempt {attempt.Attempt} · reviewing as {E(model.Reviewer)}</span></header><main>");
        if (model.QueuePath is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p><a id=\"back\" href=\"{E(model.QueuePath)}\">← back to the queue</a> <span class=\"muted\">(<kbd>q</kbd>)</span></p>");
        }

        if (model.Decided is { } decided)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"banner\">{E(AlreadyDecided(decided))}</p>");
        }

        body.Append("<input type=\"checkbox\" id=\"ov-bg\" hidden><input type=\"checkbox\" id=\"ov-edge\" hidden><input type=\"checkbox\" id=\"ov-qc\" checked hidden>");
        body.Append("<div class=\"tools\"><button type=\"button\" data-zoom=\"fit\">Fit</button><button type=\"button\" data-zoom=\"1\">1:1 (<kbd>z</kbd>)</button>");
        body.Append("<label for=\"ov-bg\"><button type=\"button\" onclick=\"document.getElementById('ov-bg').click()\">Background ≠ 255 (<kbd>1</kbd>)</button></label>");
        body.Append("<button type=\"button\" onclick=\"document.getElementById('ov-edge').click()\">Matte edge (<kbd>2</kbd>)</button>");
        body.Append("<button type=\"button\" onclick=\"document.getElementById('ov-qc').click()\">QC regions (<kbd>3</kbd>)</button>");
        body.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(model.LinkPath)}/image/matte\" download=\"matte.png\">download the matte to correct</a></div>");
        body.Append("<div class=\"panes\">");
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"pane\"><h2>Before (master)</h2><div class=\"view\"><div class=\"stack\"><img alt=\"master\" src=\"{E(model.LinkPath)}/image/master\"></div></div></div>");
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"pane\"><h2>After (composite {composite.Width}×{composite.Height}, fill {composite.Fill:P0})</h2><div class=\"view\"><div class=\"stack\">");
        body.Append(CultureInfo.InvariantCulture, $"<img alt=\"composite\" src=\"{E(model.LinkPath)}/image/composite\">");
        body.Append(CultureInfo.InvariantCulture, $"<img class=\"ov ov-bg\" alt=\"\" src=\"{E(model.LinkPath)}/image/nonwhite\"><img class=\"ov ov-edge\" alt=\"\" src=\"{E(model.LinkPath)}/image/edge\">");
        body.Append(Regions(attempt, request.Compliance));
        body.Append("</div></div></div></div>");

        body.Append("<div class=\"grid\"><div><table>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>QC score</th><td><b>{qc.Score}</b> / 100 — {E(qc.Verdict.ToString())}</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Parts</th><td>background {qc.Background:0.#} · edge {qc.Edge:0.#} · fill {qc.Fill:0.#} · colour {qc.Color:0.#} (of 25 each)</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Reasons</th><td>{List(qc.Reasons, "no points lost")}</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Findings</th><td>{List(FindingLines(qc.Findings), "none recorded")}</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Marketplace rules</th><td>{Verdicts(model.Record.Verdicts)}</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Route</th><td>{E(request.Route.Complexity.ToString())} — {E(request.Route.Reason)}</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Category</th><td>{E(request.Category ?? "unknown")} <span class=\"muted\">(from {E(request.CategorySource ?? "nowhere")})</span></td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Cut out by</th><td>{E(attempt.Segment.Segmenter)} ({E(attempt.Segment.Strategy)})</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>Upload</th><td>{E(request.Job.Source.Name)}</td></tr></table></div><div>");
        body.Append(Forms(model));
        body.Append("</div></div></main>");
        return Layout(request.Job.Source.FileName, body.ToString(), ReviewScript);
    }

    /// <summary>The queue of one merchant (optionally one batch), oldest first.</summary>
    public static string Queue(string merchant, string? batch, string reviewer, IReadOnlyList<QueueItem> items, string queuePath, string? notice)
    {
        ArgumentNullException.ThrowIfNull(items);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>Review queue · {E(merchant)}{(batch is null ? "" : " / " + E(batch))}</h1><span>{items.Count} waiting · {E(reviewer)}</span></header><main>");
        if (notice is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"banner ok\">{E(notice)}</p>");
        }

        body.Append("<p class=\"muted\"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>a</kbd> approve · <kbd>r</kbd> reject (opens the page for a reason)</p>");
        if (items.Count == 0)
        {
            body.Append("<p>Nothing waits for review.</p>");
        }
        else
        {
            body.Append("<table><tr><th></th><th>Image</th><th>Batch</th><th>Category</th><th>Route</th><th>QC</th><th>Waiting since</th><th></th></tr>");
            foreach (var item in items)
            {
                var request = item.Pending.Record.Request;
                body.Append(CultureInfo.InvariantCulture, $"<tr class=\"item\"><td><img class=\"thumb\" alt=\"\" src=\"{E(item.LinkPath)}/image/thumb\"></td>");
                body.Append(CultureInfo.InvariantCulture, $"<td><a class=\"open\" href=\"{E(item.LinkPath)}?back={E(Uri.EscapeDataString(queuePath))}\">{E(request.Job.Source.FileName)}</a></td><td>{E(request.Job.Batch)}</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{E(request.Category ?? "unknown")}</td><td>{E(request.Route.Complexity.ToString())}</td><td>{request.Attempt.Qc.Score}</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{item.Pending.RequestedAt:yyyy-MM-dd HH:mm} UTC</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td><form method=\"post\" action=\"{E(item.LinkPath)}\"><input type=\"hidden\" name=\"_form\" value=\"{E(item.FormToken)}\"><input type=\"hidden\" name=\"back\" value=\"{E(queuePath)}\"><input type=\"hidden\" name=\"decision\" value=\"approve\"><button class=\"primary\">Approve</button></form></td></tr>");
            }

            body.Append("</table>");
        }

        body.Append("</main>");
        return Layout($"Queue {merchant}", body.ToString(), QueueScript);
    }

    /// <summary>The page after a decision was posted.</summary>
    public static string Decided(ReviewDecisionRecord record, bool accepted, string? queuePath)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sentence = accepted
            ? record.Late
                ? $"Your decision ({record.Decision.Decision}) was recorded, but the review had already ended, so it changes nothing for this image."
                : $"Recorded: {record.Decision.Decision} by {record.Decision.Reviewer}. The workflow carries on."
            : AlreadyDecided(record);
        var back = queuePath is null ? "" : $"<p><a href=\"{E(queuePath)}\">back to the queue</a></p>";
        return Layout("Decision", $"<header><h1>Decision</h1></header><main><p class=\"banner{(accepted ? " ok" : "")}\">{E(sentence)}</p>{back}</main>");
    }

    /// <summary>A refusal or error page with one human sentence.</summary>
    public static string Message(string title, string sentence) =>
        Layout(title, $"<header><h1>{E(title)}</h1></header><main><p class=\"banner\">{E(sentence)}</p></main>");

    private static string AlreadyDecided(ReviewDecisionRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"Already decided by {record.Decision.Reviewer} at {record.DecidedAt:yyyy-MM-dd HH:mm:ss} UTC: {record.Decision.Decision}{(record.Decision.Reason is { Length: > 0 } r ? $" ({r})" : "")}.{(record.Late ? " It came after the review had ended, so it changed nothing." : "")}");

    private static string List(IEnumerable<string> items, string none)
    {
        var list = items.ToList();
        return list.Count == 0 ? $"<span class=\"muted\">{none}</span>" : "<ul>" + string.Concat(list.Select(i => $"<li>{E(i)}</li>")) + "</ul>";
    }

    // One line per kind of finding, its regions' shares of the product listed largest first, so a chain with ten
    // gaps reads as one sentence and not as ten copies of it.
    private static IEnumerable<string> FindingLines(IEnumerable<QcFinding> findings) =>
        findings
            .GroupBy(f => (f.Part, f.Code, f.Reason))
            .Select(g =>
            {
                var areas = g.Select(f => f.AreaFraction).OrderDescending().ToList();
                var where = areas.Count == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{areas[0]:P1}")
                    : string.Create(CultureInfo.InvariantCulture, $"{areas.Count} regions: {string.Join(", ", areas.Select(a => a.ToString("P1", CultureInfo.InvariantCulture)))}");
                return $"{g.Key.Part} · {g.Key.Code}: {g.Key.Reason} ({where})";
            });

    // What each platform will say of this cut-out if it is approved, so a reviewer does not approve a main image
    // the marketplace refuses without knowing it.
    private static string Verdicts(IReadOnlyList<ComplianceReport>? reports)
    {
        if (reports is not { Count: > 0 })
        {
            return "<span class=\"muted\">not judged for this request</span>";
        }

        var rows = new StringBuilder("<ul class=\"verdicts\">");
        foreach (var report in reports)
        {
            var verdict = report.Verdict.Label();
            rows.Append(CultureInfo.InvariantCulture, $"<li class=\"verdict-{E(verdict.Replace(' ', '-'))}\"><b>{E(report.Platform)}</b>: {E(verdict)}");
            if (report.Details() is { Length: > 0 } details)
            {
                rows.Append(" — ").Append(E(details));
            }

            rows.Append("</li>");
        }

        return rows.Append("</ul>").ToString();
    }

    private static string Regions(CutOutAttempt attempt, ComplianceEvidence? compliance)
    {
        var composite = attempt.Composite;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg class=\"ov ov-qc\" viewBox=\"0 0 {composite.Width} {composite.Height}\" width=\"{composite.Width}\" height=\"{composite.Height}\" preserveAspectRatio=\"xMidYMid meet\" aria-hidden=\"true\">");
        foreach (var finding in attempt.Qc.Findings)
        {
            var r = composite.Frame.ToCanvas(finding.Region);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{r.X}\" y=\"{r.Y}\" width=\"{Math.Max(1, r.Width)}\" height=\"{Math.Max(1, r.Height)}\" fill=\"none\" stroke=\"#ff00c8\" stroke-width=\"{Math.Max(3, composite.Width / 300)}\"><title>{E(finding.Reason)}</title></rect>");
        }

        foreach (var text in compliance?.Text ?? [])
        {
            var r = composite.Frame.ToCanvas(new QcRegion(text.X, text.Y, text.Width, text.Height));
            var title = string.Create(CultureInfo.InvariantCulture, $"text ({text.Placement}), confidence {text.Score:0.00}");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"text-{E(text.Placement.ToString().ToLowerInvariant())}\" x=\"{r.X}\" y=\"{r.Y}\" width=\"{r.Width}\" height=\"{r.Height}\" fill=\"none\" stroke=\"#ff8c00\" stroke-dasharray=\"8 4\" stroke-width=\"{Math.Max(3, composite.Width / 300)}\"><title>{E(title)}</title></rect>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Forms(ReviewPageModel model)
    {
        var hidden = $"<input type=\"hidden\" name=\"_form\" value=\"{E(model.FormToken)}\">" + (model.QueuePath is null ? "" : $"<input type=\"hidden\" name=\"back\" value=\"{E(model.QueuePath)}\">");
        var action = E(model.LinkPath);
        return $"""
            <form class="decide" id="f-approve" method="post" action="{action}">{hidden}<input type="hidden" name="decision" value="approve"><button class="primary">Approve</button> <kbd>a</kbd></form>
            <form class="decide" id="reject" method="post" action="{action}">{hidden}<input type="hidden" name="decision" value="reject"><label for="reject-reason">Reject — why (<kbd>r</kbd>)</label><textarea id="reject-reason" name="reason" required maxlength="500"></textarea><button>Reject</button></form>
            <form class="decide" method="post" action="{action}">{hidden}<input type="hidden" name="decision" value="redo"><label for="redo-note">Redo — what to fix (<kbd>d</kbd>)</label><textarea id="redo-note" name="reason" required maxlength="500"></textarea><button>Cut out again</button></form>
            <form class="decide" method="post" action="{action}" enctype="multipart/form-data">{hidden}<input type="hidden" name="decision" value="upload"><label>Upload a corrected cut-out (PNG with alpha, or a mask: white = product) <input type="file" name="file" accept="image/png,image/*" required></label> <button>Upload</button></form>
            """;
    }
}
