using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The assertions of nanoFramework.TestFramework 3.0.x with the same overloads and the same
    /// semantics: equality through the static <c>object.Equals</c> on boxed values (no tolerance
    /// for floating point), exact-type checks in <see cref="IsInstanceOfType"/> and
    /// <see cref="ThrowsException"/>, and the same failure texts.
    /// </summary>
    /// <remarks>
    /// The trailing <c>message</c> parameters carry <see cref="CallerArgumentExpressionAttribute"/>
    /// as on nanoFramework, so a failure names the expression that failed (today's compiler fills
    /// it in under C# 9 too, the unit tests' language version on both builds).
    /// </remarks>
    public sealed partial class Assert
    {
        // Static only; the allowlist lists no constructor (uncertain whether 3.0.80's is public), so none is offered.
        private Assert()
        {
        }

        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreEqualCore(expected, actual, message);

        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (string.Compare(expected, actual) != 0)
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => AreNotEqualCore(notExpected, actual, message);

        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (string.Compare(notExpected, actual) == 0)
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(expected, actual))
            {
                return;
            }

            if (expected is ValueType || actual is ValueType)
            {
                HandleFail("Assert.AreSame", "Do not pass value types to AreSame(). Values converted to Object will never be the same. Consider using AreEqual(). " + ReplaceNulls(message));
            }

            HandleFail("Assert.AreSame", message);
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                HandleFail("Assert.AreNotSame", message);
            }
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                HandleFail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                HandleFail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null)
            {
                HandleFail("Assert.IsNull", message);
            }
        }

        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null)
            {
                HandleFail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Passes only when <paramref name="value"/>'s type is exactly <paramref name="expected"/> (not a derived type).</summary>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (expected == null || value == null || expected != value.GetType())
            {
                string actualType = value == null ? "(null)" : value.GetType().ToString();
                HandleFail("Assert.IsInstanceOfType", "Expected type:<" + ReplaceNulls(expected) + ">. Actual type:<" + actualType + ">. " + ReplaceNulls(message));
            }
        }

        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null && notExpected == value.GetType())
            {
                HandleFail("Assert.IsNotInstanceOfType", "Wrong type:<" + notExpected + ">. Actual type:<" + value.GetType() + ">. " + ReplaceNulls(message));
            }
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.Contains", nameof(expected));
            EnsureParameterIsNotNull(value, "Assert.Contains", message);
            if (!value.Contains(expected))
            {
                HandleFail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'. " + ReplaceNulls(message));
            }
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(notExpected, "Assert.DoesNotContains", nameof(notExpected));
            EnsureParameterIsNotNull(value, "Assert.DoesNotContains", message);
            if (value.Contains(notExpected))
            {
                HandleFail("Assert.DoesNotContains", "'" + value + "' should not contain '" + notExpected + "'. " + ReplaceNulls(message));
            }
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.StartsWith", nameof(expected));
            EnsureParameterIsNotNull(value, "Assert.StartsWith", message);
            if (!value.StartsWith(expected, StringComparison.Ordinal))
            {
                HandleFail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'. " + ReplaceNulls(message));
            }
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.EndsWith", nameof(expected));
            EnsureParameterIsNotNull(value, "Assert.EndsWith", message);
            if (!value.EndsWith(expected, StringComparison.Ordinal))
            {
                HandleFail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'. " + ReplaceNulls(message));
            }
        }

        /// <summary>
        /// Passes only when <paramref name="action"/> throws exactly <paramref name="exception"/>: a derived
        /// type fails, and so does an assertion failure or skip inside the action.
        /// </summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (exception != ex.GetType())
                {
                    HandleFail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exception.Name + " was expected. " + ReplaceNulls(message) + "\r\nException Message: " + ex.Message);
                }

                return;
            }

            HandleFail("Assert.ThrowsException", "No exception thrown. " + exception.Name + " exception was expected. " + ReplaceNulls(message));
        }

        [DoesNotReturn]
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        private static void AreEqualCore(object expected, object actual, string message)
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        private static void AreNotEqualCore(object notExpected, object actual, string message)
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        private static void HandleAreEqualFail(object expected, object actual, string message)
        {
            HandleFail("Assert.AreEqual", "Expected:<" + ReplaceNulls(expected) + ">. Actual:<" + ReplaceNulls(actual) + ">. " + ReplaceNulls(message));
        }

        private static void HandleAreNotEqualFail(object notExpected, object actual, string message)
        {
            HandleFail("Assert.AreNotEqual", "Expected any value except:<" + ReplaceNulls(notExpected) + ">. Actual:<" + ReplaceNulls(actual) + ">. " + ReplaceNulls(message));
        }

        internal static void EnsureParameterIsNotNull(object value, string assertion, string parameterName)
        {
            if (value == null)
            {
                HandleFail(assertion, "The parameter '" + parameterName + "' is invalid. The value cannot be null.");
            }
        }

        [DoesNotReturn]
        internal static void HandleFail(string assertion, string message)
        {
            string safeMessage = string.IsNullOrEmpty(message) ? string.Empty : ReplaceNulls(message);
            throw new AssertFailedException(assertion + " failed. " + safeMessage);
        }

        internal static string ReplaceNulls(object input)
        {
            if (input == null)
            {
                return "(null)";
            }

            string text;
            try
            {
                text = input.ToString();
            }
            catch (NotImplementedException)
            {
                return "(object)";
            }

            return text == null ? "(object)" : text.Replace("\0", "\\0");
        }
    }
}
