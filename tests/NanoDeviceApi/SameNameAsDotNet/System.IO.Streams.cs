// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException.
//
// Package: nanoFramework.System.IO.Streams 1.1.88 (assembly System.IO.Streams), nanoframework/System.IO.Streams main.
// On the 1.x line (mscorlib 1.15.x/1.17.x), Stream and SeekOrigin live in this package, not in mscorlib:
// System.IO.Streams.nfproj @9d6d506a compiles Stream.cs and SeekOrigin.cs.
//
// .NET BCL CLASH: every type here already exists in the BCL:
//   System.IO.Stream, System.IO.SeekOrigin, System.IO.MemoryStream, System.IO.TextReader, System.IO.TextWriter, System.IO.StreamReader,
//   System.IO.StreamWriter.
// See README.md in this folder for how these files are compiled.
// System.Text.Encoding is NOT declared here: TextWriter.Encoding / StreamReader.CurrentEncoding bind to the BCL Encoding
// (nano's Encoding lives in nanoFramework.System.Text).

namespace System.IO
{
    internal static class NanoApiDecl_SystemIOStreams
    {
        internal static NotImplementedException Fail()
            => new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/Stream.cs (commit ce5625d2, main; the develop version 49dee4f5 uses Span<byte>)
    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public virtual bool CanTimeout => throw NanoApiDecl_SystemIOStreams.Fail();

        public abstract bool CanWrite { get; }

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public virtual int ReadTimeout
        {
            get => throw NanoApiDecl_SystemIOStreams.Fail();
            set => throw NanoApiDecl_SystemIOStreams.Fail();
        }

        public virtual int WriteTimeout
        {
            get => throw NanoApiDecl_SystemIOStreams.Fail();
            set => throw NanoApiDecl_SystemIOStreams.Fail();
        }

        public virtual void Close() => throw NanoApiDecl_SystemIOStreams.Fail();

        public void CopyTo(Stream destination) => throw NanoApiDecl_SystemIOStreams.Fail();

        public void Dispose() => throw NanoApiDecl_SystemIOStreams.Fail();

        protected virtual void Dispose(bool disposing) => throw NanoApiDecl_SystemIOStreams.Fail();

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract int Read(SpanByte buffer);

        public abstract int Read(byte[] buffer, int offset, int count);

        public virtual int ReadByte() => throw NanoApiDecl_SystemIOStreams.Fail();

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual void WriteByte(byte value) => throw NanoApiDecl_SystemIOStreams.Fail();
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/SeekOrigin.cs. Not read. Member names are used in MemoryStream.cs and FileStream.cs;
    // the values are the standard ones (UNCERTAIN).
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/MemoryStream.cs (commit 1468a3b8). Maximum length is 0xFFFF.
    public class MemoryStream : Stream
    {
        public MemoryStream() { throw NanoApiDecl_SystemIOStreams.Fail(); }

        public MemoryStream(byte[] buffer) { throw NanoApiDecl_SystemIOStreams.Fail(); }

        public MemoryStream(byte[] buffer, bool isWritable) { throw NanoApiDecl_SystemIOStreams.Fail(); }

        public override bool CanRead => throw NanoApiDecl_SystemIOStreams.Fail();

        public override bool CanSeek => throw NanoApiDecl_SystemIOStreams.Fail();

        public override bool CanWrite => throw NanoApiDecl_SystemIOStreams.Fail();

        protected override void Dispose(bool disposing) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void Flush() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual byte[] GetBuffer() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override long Length => throw NanoApiDecl_SystemIOStreams.Fail();

        public override long Position
        {
            get => throw NanoApiDecl_SystemIOStreams.Fail();
            set => throw NanoApiDecl_SystemIOStreams.Fail();
        }

        public override int Read(SpanByte buffer) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override int Read(byte[] buffer, int offset, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override int ReadByte() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override long Seek(long offset, SeekOrigin origin) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void SetLength(long value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual byte[] ToArray() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void Write(byte[] buffer, int offset, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void WriteByte(byte value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteTo(Stream stream) => throw NanoApiDecl_SystemIOStreams.Fail();
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/TextReader.cs (commit ce5625d2)
    [Serializable]
    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        protected TextReader() { throw NanoApiDecl_SystemIOStreams.Fail(); }

        public virtual void Close() => throw NanoApiDecl_SystemIOStreams.Fail();

        public void Dispose() => throw NanoApiDecl_SystemIOStreams.Fail();

        protected virtual void Dispose(bool disposing) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual int Peek() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual int Read() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual int Read(char[] buffer, int index, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual int ReadBlock(char[] buffer, int index, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual string ReadLine() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual string ReadToEnd() => throw NanoApiDecl_SystemIOStreams.Fail();
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/TextWriter.cs (commit ce5625d2)
    [Serializable]
    public abstract class TextWriter : MarshalByRefObject, IDisposable
    {
        // Source: protected char[] CoreNewLine = new char[] { '\r', '\n' };
        protected char[] CoreNewLine;

        public abstract System.Text.Encoding Encoding { get; }

        public virtual string NewLine
        {
            get => throw NanoApiDecl_SystemIOStreams.Fail();
            set => throw NanoApiDecl_SystemIOStreams.Fail();
        }

        public virtual void Close() => throw NanoApiDecl_SystemIOStreams.Fail();

        protected virtual void Dispose(bool disposing) => throw NanoApiDecl_SystemIOStreams.Fail();

        public void Dispose() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Flush() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(char value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(char[] buffer) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(char[] buffer, int index, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(bool value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(int value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(uint value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(long value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(ulong value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(float value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(double value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(string value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void Write(object value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine() => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(char value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(char[] buffer) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(char[] buffer, int index, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(bool value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(int value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(uint value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(long value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(ulong value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(float value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(double value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(string value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual void WriteLine(object value) => throw NanoApiDecl_SystemIOStreams.Fail();
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/StreamReader.cs (commit fb0f51a1)
    public class StreamReader : TextReader
    {
        // There is no 1-argument ctor. "new StreamReader(stream)" binds here on nano, but to .ctor(Stream) on net10.
        public StreamReader(Stream stream, bool leaveOpen = false) { throw NanoApiDecl_SystemIOStreams.Fail(); }

        // The source has a private setter.
        public virtual Stream BaseStream => throw NanoApiDecl_SystemIOStreams.Fail();

        public virtual System.Text.Encoding CurrentEncoding => throw NanoApiDecl_SystemIOStreams.Fail();

        public bool EndOfStream => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void Close() => throw NanoApiDecl_SystemIOStreams.Fail();

        protected override void Dispose(bool disposing) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override int Peek() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override int Read() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override int Read(char[] buffer, int index, int count) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override string ReadLine() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override string ReadToEnd() => throw NanoApiDecl_SystemIOStreams.Fail();
    }

    // Source: nanoframework/System.IO.Streams System.IO.Streams/StreamWriter.cs (commit ce5625d2)
    public class StreamWriter : TextWriter
    {
        public StreamWriter(Stream stream) { throw NanoApiDecl_SystemIOStreams.Fail(); }

        // The source has a private setter.
        public virtual Stream BaseStream => throw NanoApiDecl_SystemIOStreams.Fail();

        public override System.Text.Encoding Encoding => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void Close() => throw NanoApiDecl_SystemIOStreams.Fail();

        protected override void Dispose(bool disposing) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void Flush() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void Write(char value) => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void WriteLine() => throw NanoApiDecl_SystemIOStreams.Fail();

        public override void WriteLine(string value) => throw NanoApiDecl_SystemIOStreams.Fail();
    }
}
