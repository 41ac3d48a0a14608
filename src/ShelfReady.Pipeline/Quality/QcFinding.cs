namespace ShelfReady.Pipeline.Quality;

/// <summary>One thing QC saw wrong with a cut-out, where it is, and which part of the score it cost.</summary>
/// <param name="Part">The score part it counts against: <c>background</c>, <c>edge</c>, <c>fill</c> or <c>color</c>.</param>
/// <param name="Code">A stable machine name, one of <see cref="QcFindingCodes"/>.</param>
/// <param name="Reason">A sentence a reviewer reads.</param>
/// <param name="Region">Where it is, in the source photo's pixels; map it with <see cref="Workflows.CompositeFrame"/> for the composite.</param>
/// <param name="AreaFraction">Its area as a share of the product's area (0 where area means nothing, e.g. a colour shift).</param>
public sealed record QcFinding(string Part, string Code, string Reason, QcRegion Region, double AreaFraction);
