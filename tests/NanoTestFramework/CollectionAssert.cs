using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Collection assertions of nanoFramework.TestFramework 3.0.x: counts first, then element by
    /// element in order with <c>object.Equals</c>.
    /// </summary>
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.Empty", nameof(collection));
            if (collection.Count != 0)
            {
                Assert.HandleFail("CollectionAssert.Empty", message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.NotEmpty", nameof(collection));
            if (collection.Count == 0)
            {
                Assert.HandleFail("CollectionAssert.NotEmpty", message);
            }
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason = string.Empty;
            if (!AreCollectionsEqual(expected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreEqual", Assert.ReplaceNulls(message) + "(" + reason + ")");
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            string reason = string.Empty;
            if (AreCollectionsEqual(notExpected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreNotEqual", Assert.ReplaceNulls(message) + "(" + reason + ")");
            }
        }

        private static bool AreCollectionsEqual(ICollection expected, ICollection actual, ref string reason)
        {
            if (ReferenceEquals(expected, actual))
            {
                reason = "Both collection references point to the same collection object.";
                return true;
            }

            if (expected == null || actual == null)
            {
                reason = "One of the collections is null.";
                return false;
            }

            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements.";
                return false;
            }

            IEnumerator expectedItems = expected.GetEnumerator();
            IEnumerator actualItems = actual.GetEnumerator();
            int index = 0;
            while (expectedItems.MoveNext() && actualItems.MoveNext())
            {
                if (!Equals(expectedItems.Current, actualItems.Current))
                {
                    reason = "Element at index " + index + " do not match. Expected:<" + Assert.ReplaceNulls(expectedItems.Current)
                        + ">. Actual:<" + Assert.ReplaceNulls(actualItems.Current) + ">.";
                    return false;
                }

                index++;
            }

            reason = "Both collections contain the same elements.";
            return true;
        }
    }
}
