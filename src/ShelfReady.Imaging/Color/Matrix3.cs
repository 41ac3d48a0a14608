namespace ShelfReady.Imaging.Color;

/// <summary>A 3×3 matrix, row-major, just big enough for colorimetry.</summary>
internal readonly record struct Matrix3(
    double M11, double M12, double M13,
    double M21, double M22, double M23,
    double M31, double M32, double M33)
{
    /// <summary>The Bradford cone response matrix (Lam 1985, as used by ICC.1 Annex E).</summary>
    public static Matrix3 Bradford { get; } = new(
        0.8951, 0.2664, -0.1614,
        -0.7502, 1.7135, 0.0367,
        0.0389, -0.0685, 1.0296);

    public static Matrix3 FromColumns(Vector3D c1, Vector3D c2, Vector3D c3) =>
        new(c1.X, c2.X, c3.X, c1.Y, c2.Y, c3.Y, c1.Z, c2.Z, c3.Z);

    public static Matrix3 Diagonal(Vector3D d) => new(d.X, 0, 0, 0, d.Y, 0, 0, 0, d.Z);

    /// <summary>Bradford chromatic adaptation from one white to another.</summary>
    public static Matrix3 BradfordAdaptation(Vector3D sourceWhite, Vector3D destinationWhite)
    {
        var source = Bradford * sourceWhite;
        var destination = Bradford * destinationWhite;
        var scale = Diagonal(new Vector3D(
            destination.X / source.X, destination.Y / source.Y, destination.Z / source.Z));
        return Bradford.Inverse() * scale * Bradford;
    }

    public Vector3D Column(int index) => index switch
    {
        0 => new Vector3D(M11, M21, M31),
        1 => new Vector3D(M12, M22, M32),
        2 => new Vector3D(M13, M23, M33),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public Matrix3 Inverse()
    {
        var c11 = (M22 * M33) - (M23 * M32);
        var c12 = (M23 * M31) - (M21 * M33);
        var c13 = (M21 * M32) - (M22 * M31);
        var determinant = (M11 * c11) + (M12 * c12) + (M13 * c13);
        if (Math.Abs(determinant) < 1e-12)
        {
            throw new InvalidOperationException("The matrix is singular.");
        }

        var k = 1 / determinant;
        return new Matrix3(
            c11 * k, ((M13 * M32) - (M12 * M33)) * k, ((M12 * M23) - (M13 * M22)) * k,
            c12 * k, ((M11 * M33) - (M13 * M31)) * k, ((M13 * M21) - (M11 * M23)) * k,
            c13 * k, ((M12 * M31) - (M11 * M32)) * k, ((M11 * M22) - (M12 * M21)) * k);
    }

    public static Vector3D operator *(Matrix3 m, Vector3D v) => new(
        (m.M11 * v.X) + (m.M12 * v.Y) + (m.M13 * v.Z),
        (m.M21 * v.X) + (m.M22 * v.Y) + (m.M23 * v.Z),
        (m.M31 * v.X) + (m.M32 * v.Y) + (m.M33 * v.Z));

    public static Matrix3 operator *(Matrix3 a, Matrix3 b) =>
        FromColumns(a * b.Column(0), a * b.Column(1), a * b.Column(2));
}
