namespace KnowledgeBase.Core.Segmentation;

/// <summary>The few dense-vector operations the embeddings and the topic clustering share.</summary>
internal static class VectorMath
{
    /// <summary>Dot product of a vector and a direction, summed in double precision.</summary>
    /// <param name="x">The vector.</param>
    /// <param name="y">The direction, at least as long.</param>
    /// <returns>The dot product.</returns>
    public static double Dot(float[] x, double[] y)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            sum += x[d] * y[d];
        }

        return sum;
    }

    /// <summary>A vector scaled to unit length, as floats; all zeros stay zeros.</summary>
    /// <param name="vector">The vector.</param>
    /// <returns>A new vector.</returns>
    public static float[] Unit(double[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => norm == 0 ? 0f : (float)(x / norm)).ToArray();
    }

    /// <summary>A vector scaled to unit length; an all-zero vector is returned as it is.</summary>
    /// <param name="vector">The vector.</param>
    /// <returns>A new vector, or <paramref name="vector"/> itself when it is all zeros.</returns>
    public static float[] Unit(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        return norm == 0 ? vector : vector.Select(x => (float)(x / norm)).ToArray();
    }
}
