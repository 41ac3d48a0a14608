namespace ShelfReady.Pipeline.Quality;

/// <summary>The codes a <see cref="QcFinding"/> carries.</summary>
public static class QcFindingCodes
{
    /// <summary>The matte removed pixels that do not look like the local backdrop.</summary>
    public const string LostProduct = "lost-product";

    /// <summary>The matte kept a region that looks like backdrop or shadow.</summary>
    public const string KeptBackdrop = "kept-backdrop";

    /// <summary>A kept region detached from the product (shadow fragment, speck).</summary>
    public const string DetachedFragment = "detached-fragment";

    /// <summary>A blocky bite or notch cut into the product's boundary.</summary>
    public const string BoundaryBite = "boundary-bite";

    /// <summary>A hole in the matte where the photo shows product.</summary>
    public const string MatteHole = "matte-hole";

    /// <summary>Backdrop colour bleeding into the edge (halo or fringe).</summary>
    public const string Halo = "halo";

    /// <summary>The product touches the photo's frame edge: probably cropped.</summary>
    public const string TouchesFrame = "touches-frame";

    /// <summary>The background is a scene, not a studio backdrop: the matte cannot be checked against it.</summary>
    public const string SceneBackdrop = "scene-backdrop";

    /// <summary>Background pixels of the composite that are not exactly 255,255,255.</summary>
    public const string OffWhiteBackground = "off-white-background";

    /// <summary>The product fills less of the frame than the target.</summary>
    public const string Underfilled = "underfilled";

    /// <summary>The product's colour moved away from the source.</summary>
    public const string ColorShift = "color-shift";
}
