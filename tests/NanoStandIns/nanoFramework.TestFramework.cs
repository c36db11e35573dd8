// Stand-in for the nanoFramework.TestFramework package (assembly nanoFramework.TestFramework), which NuGet
// does not serve here: declarations only, compiled against the real nanoFramework mscorlib so that the
// device-faithful compile of tests/UnitTests (nfproj.device.targets) can bind. Never deployed, never run.
//
// The signatures are those of the host framework in tests/NanoTestFramework (same file order), whose public API
// AllowlistTests keeps equal to tests/HostTests/Gates/Allowlist/nanoFramework.TestFramework.txt. Their source:
// nanoframework/nanoFramework.TestFramework main, source/TestFramework/{Assert.cs@b52c5188, Assert.Obsolete.cs@b52c5188,
// Assert.NoGenerics.AreEqual.cs@6bf38c2e, CollectionAssert.cs@38dda7cc, OutputHelper.cs@2d363f7f};
// source/TestFrameworkShared/{DataRowAttribute.cs@9cc7eef5, AssertFailedException.cs@26ba7c03, SkipTestException.cs@b52c5188}.
// The optional message parameters keep [CallerArgumentExpression], which nano's mscorlib declares.

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") => throw null;
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") => throw null;
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "") => throw null;
        [DoesNotReturn]
        public static void SkipTest(string message = null) => throw null;
    }
}

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        private const string Deprecated = "This method is deprecated and will be removed in a future version. Use the new method ";
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(Array expected, Array actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(bool expected, bool actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(byte expected, byte actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(char expected, char actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(DateTime expected, DateTime actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(double expected, double actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(float expected, float actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(int expected, int actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(long expected, long actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(sbyte expected, sbyte actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(short expected, short actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(string expected, string actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(uint expected, uint actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(ulong expected, ulong actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreEqual.")] public static void Equal(ushort expected, ushort actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(Array notExpected, Array actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(bool notExpected, bool actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(byte notExpected, byte actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(char notExpected, char actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(DateTime notExpected, DateTime actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(double notExpected, double actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(float notExpected, float actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(int notExpected, int actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(long notExpected, long actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(sbyte notExpected, sbyte actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(short notExpected, short actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(string notExpected, string actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(uint notExpected, uint actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(ulong notExpected, ulong actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotEqual.")] public static void NotEqual(ushort notExpected, ushort actual, string message = "") => throw null;
        [Obsolete(Deprecated + "IsTrue.")] public static void True(bool condition, string message = "") => throw null;
        [Obsolete(Deprecated + "IsFalse.")] public static void False(bool condition, string message = "") => throw null;
        [Obsolete(Deprecated + "IsNull.")] public static void Null(object value, string message = "") => throw null;
        [Obsolete(Deprecated + "IsNotNull.")] public static void NotNull(object value, string message = "") => throw null;
        [Obsolete(Deprecated + "AreSame.")] public static void Same(object expected, object actual, string message = "") => throw null;
        [Obsolete(Deprecated + "AreNotSame.")] public static void NotSame(object notExpected, object actual, string message = "") => throw null;
        [Obsolete(Deprecated + "IsInstanceOfType.")] public static void IsType(Type expectedType, object value, string message = "") => throw null;
        [Obsolete(Deprecated + "IsNotInstanceOfType.")] public static void IsNotType(Type wrongType, object value, string message = "") => throw null;
        [Obsolete(Deprecated + "ThrowsException.")] public static void Throws(Type exceptionType, Action action, string message = "") => throw null;
    }
}

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") => throw null;
        public static void NotEmpty(ICollection collection, string message = "") => throw null;
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => throw null;
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => throw null;
    }
}

namespace nanoFramework.TestFramework
{
    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b) => throw null;
    }
}

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) => throw null;
        public object[] MethodParameters { get; }
    }
}

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) => throw null;
    }
}
namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) => throw null;
        public AssertFailedException(string msg) => throw null;
        public AssertFailedException() => throw null;
    }
}

namespace nanoFramework.TestFramework
{
    // on the device it writes to the debug console; the host's version routes per async flow
    public static class OutputHelper
    {
        public static void Write(string message) => throw null;
        public static void WriteLine(string message) => throw null;
    }
}
