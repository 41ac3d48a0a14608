namespace ShelfReady.Imaging.Color;

/// <summary>A column of three doubles: an XYZ colour or an RGB triple.</summary>
internal readonly record struct Vector3D(double X, double Y, double Z);
