using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    // The pre-3.0 names, still shipped by nanoFramework.TestFramework 3.0.x and marked obsolete there.
    // They are kept so that the API matches; with warnings as errors no test can use them.
    public sealed partial class Assert
    {
        private const string Deprecated = "This method is deprecated and will be removed in a future version. Use the new method ";

        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(Array expected, Array actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(bool expected, bool actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(byte expected, byte actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(char expected, char actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(DateTime expected, DateTime actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(double expected, double actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(float expected, float actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(int expected, int actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(long expected, long actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(sbyte expected, sbyte actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(short expected, short actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(string expected, string actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(uint expected, uint actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(ulong expected, ulong actual, string message = "") => AreEqual(expected, actual, message);
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(ushort expected, ushort actual, string message = "") => AreEqual(expected, actual, message);

        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(Array notExpected, Array actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(bool notExpected, bool actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(byte notExpected, byte actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(char notExpected, char actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(DateTime notExpected, DateTime actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(double notExpected, double actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(float notExpected, float actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(int notExpected, int actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(long notExpected, long actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(sbyte notExpected, sbyte actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(short notExpected, short actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(string notExpected, string actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(uint notExpected, uint actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(ulong notExpected, ulong actual, string message = "") => AreNotEqual(notExpected, actual, message);
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(ushort notExpected, ushort actual, string message = "") => AreNotEqual(notExpected, actual, message);

        [Obsolete(Deprecated + "IsTrue.")] public static void True(bool condition, string message = "") => IsTrue(condition, message);
        [Obsolete(Deprecated + "IsFalse.")] public static void False(bool condition, string message = "") => IsFalse(condition, message);
        [Obsolete(Deprecated + "IsNull.")] public static void Null(object value, string message = "") => IsNull(value, message);
        [Obsolete(Deprecated + "IsNotNull.")] public static void NotNull(object value, string message = "") => IsNotNull(value, message);
        [Obsolete(Deprecated + "AreSame.")] public static void Same(object expected, object actual, string message = "") => AreSame(expected, actual, message);
        [Obsolete(Deprecated + "AreNotSame.")] public static void NotSame(object notExpected, object actual, string message = "") => AreNotSame(notExpected, actual, message);
        [Obsolete(Deprecated + "IsInstanceOfType.")] public static void IsType(Type expectedType, object value, string message = "") => IsInstanceOfType(value, expectedType, message);
        [Obsolete(Deprecated + "IsNotInstanceOfType.")] public static void IsNotType(Type wrongType, object value, string message = "") => IsNotInstanceOfType(value, wrongType, message);
        [Obsolete(Deprecated + "ThrowsException.")] public static void Throws(Type exceptionType, Action action, string message = "") => ThrowsException(exceptionType, action, message);

        [Obsolete("Use the method with the same name in CollectionAssert class.")]
        public static void Empty(ICollection collection, string message = "")
        {
            EnsureParameterIsNotNull(collection, "Assert.Empty", nameof(collection));
            if (collection.Count != 0)
            {
                HandleFail("Assert.Empty", message);
            }
        }

        [Obsolete("Use the method with the same name in CollectionAssert class.")]
        public static void NotEmpty(ICollection collection, string message = "")
        {
            EnsureParameterIsNotNull(collection, "Assert.NotEmpty", nameof(collection));
            if (collection.Count == 0)
            {
                HandleFail("Assert.NotEmpty", message);
            }
        }
    }
}
