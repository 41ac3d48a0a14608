namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// The value a sort would put at a position, by partitioning (quickselect) instead of sorting: linear time on
/// average where a sort of the tens of thousands of residuals and textures the fits rank costs n log n.
/// </summary>
internal static class OrderStatistic
{
    /// <summary>The value at position <paramref name="k"/> of <paramref name="values"/> sorted ascending; reorders the span.</summary>
    public static T Select<T>(Span<T> values, int k)
        where T : IComparable<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        var (low, high) = (0, values.Length - 1);
        while (low < high)
        {
            // Hoare partition around the middle value: [low, j] holds values ≤ pivot and [i, high] values ≥ pivot.
            var pivot = values[low + ((high - low) / 2)];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (values[i].CompareTo(pivot) < 0)
                {
                    i++;
                }

                while (values[j].CompareTo(pivot) > 0)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    (i, j) = (i + 1, j - 1);
                }
            }

            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}
