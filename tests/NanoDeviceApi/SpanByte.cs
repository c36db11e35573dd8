// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException.
//
// .NET BCL clash: none (System.SpanByte does not exist in .NET).
// Attributes left out on purpose: the nano source has [Serializable, CLSCompliant(false)]. CLSCompliant on a type in an assembly
// without [assembly: CLSCompliant] gives warning CS3021, which is an error under TreatWarningsAsErrors.

namespace System
{
    internal static class NanoApiDecl_SpanByte
    {
        internal static NotImplementedException Fail()
            => new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/CoreLibrary nanoFramework.CoreLibrary/System/SpanByte.cs (main = 1.x line, stored commit 04d305ff;
    // the 2.0-preview generics line replaces it with Span<T>)
    // The indexer returns byte by value (get/set), it does NOT return ref byte.
    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array) { throw NanoApiDecl_SpanByte.Fail(); }

        public SpanByte(byte[] array, int start, int length) { throw NanoApiDecl_SpanByte.Fail(); }

        public byte this[int index]
        {
            get => throw NanoApiDecl_SpanByte.Fail();
            set => throw NanoApiDecl_SpanByte.Fail();
        }

        public static SpanByte Empty => throw NanoApiDecl_SpanByte.Fail();

        public int Length => throw NanoApiDecl_SpanByte.Fail();

        public bool IsEmpty => throw NanoApiDecl_SpanByte.Fail();

        public void CopyTo(SpanByte destination) => throw NanoApiDecl_SpanByte.Fail();

        public SpanByte Slice(int start) => throw NanoApiDecl_SpanByte.Fail();

        public SpanByte Slice(int start, int length) => throw NanoApiDecl_SpanByte.Fail();

        public byte[] ToArray() => throw NanoApiDecl_SpanByte.Fail();

        public static implicit operator SpanByte(byte[] array) => throw NanoApiDecl_SpanByte.Fail();
    }
}
