namespace ShelfReady.Imaging.Quality;

/// <summary>What <see cref="CutoutInspector"/> found wrong with a matte, judged against the photo.</summary>
public enum CutoutDefectKind
{
    /// <summary>Removed pixels that do not look like the local backdrop, reaching the outside: a part cut away.</summary>
    LostProduct,

    /// <summary>Such pixels in a notch of the outline: a bite out of the product.</summary>
    BoundaryBite,

    /// <summary>Such pixels enclosed by the matte: a hole only the matte has.</summary>
    MatteHole,

    /// <summary>Kept pixels along the outline that look like backdrop or shadow.</summary>
    KeptBackdrop,

    /// <summary>A kept island apart from the product that looks like backdrop or shadow.</summary>
    DetachedFragment,

    /// <summary>The product runs into the photo's frame edge: it is probably cropped.</summary>
    TouchesFrame,

    /// <summary>The removed area is not a plain studio backdrop, so the matte cannot be judged against it.</summary>
    SceneBackdrop,
}
