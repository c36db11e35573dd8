using System;

namespace nanoFramework.TestFramework
{
    public static class TestExtensions
    {
        /// <summary>
        /// True when both arrays have the same element type and length and equal elements: primitive
        /// and string elements by value, anything else by reference (as on nanoFramework).
        /// </summary>
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (a == null || b == null)
            {
                return false;
            }

            if (a.GetType().GetElementType() != b.GetType().GetElementType() || a.Length != b.Length)
            {
                return false;
            }

            bool byValue = a.GetType().GetElementType().IsPrimitive || a.GetType().GetElementType() == typeof(string);
            for (int i = 0; i < a.Length; i++)
            {
                object left = a.GetValue(i);
                object right = b.GetValue(i);
                if (byValue ? !Equals(left, right) : !ReferenceEquals(left, right))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
