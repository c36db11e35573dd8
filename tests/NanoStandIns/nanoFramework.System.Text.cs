// Stand-in for the nanoFramework.System.Text package (assembly nanoFramework.System.Text), which NuGet
// does not serve here: declarations only, compiled against the real nanoFramework mscorlib so that the
// device-faithful compile (nfproj.device.targets) can bind. Never deployed, never run.
//
// Sources (same members as tests/HostTests/Gates/Allowlist/nanoFramework.System.Text.txt):
// - StringBuilder: nanoframework/System.Text main, nanoFramework.System.Text/Text/StringBuilder.cs @0b6815f0
// - Encoding, UTF8Encoding, Decoder: natives in nanoframework/nf-interpreter src/nanoFramework.System.Text/nf_system_text.h @89433477
//   and the call sites in nanoframework/System.IO.Streams (StreamReader/StreamWriter) and System.IO.FileSystem (File.WriteAllText).

namespace System.Text
{
    public sealed class StringBuilder
    {
        public StringBuilder() => throw null;
        public StringBuilder(int capacity) => throw null;
        public StringBuilder(string value) => throw null;
        public StringBuilder(int capacity, int maxCapacity) => throw null;
        public StringBuilder(string value, int capacity) => throw null;
        public StringBuilder(string value, int startIndex, int length, int capacity) => throw null;

        public int MaxCapacity => throw null;
        public int Capacity { get => throw null; set => throw null; }
        public int Length { get => throw null; set => throw null; }
        public char this[int index] { get => throw null; set => throw null; }

        public StringBuilder Clear() => throw null;
        public StringBuilder Append(bool value) => throw null;
        public StringBuilder Append(byte value) => throw null;
        public StringBuilder Append(char value) => throw null;
        public StringBuilder Append(double value) => throw null;
        public StringBuilder Append(short value) => throw null;
        public StringBuilder Append(char[] value) => throw null;
        public StringBuilder Append(int value) => throw null;
        public StringBuilder Append(long value) => throw null;
        public StringBuilder Append(object value) => throw null;
        public StringBuilder Append(string value) => throw null;
        public StringBuilder Append(sbyte value) => throw null;
        public StringBuilder Append(float value) => throw null;
        public StringBuilder Append(ushort value) => throw null;
        public StringBuilder Append(uint value) => throw null;
        public StringBuilder Append(ulong value) => throw null;
        public StringBuilder Append(string value, int startIndex, int count) => throw null;
        public StringBuilder Append(char[] value, int startIndex, int charCount) => throw null;
        public StringBuilder Append(char value, int repeatCount) => throw null;
        public StringBuilder AppendLine() => throw null;
        public StringBuilder AppendLine(string str) => throw null;
        public StringBuilder Insert(int index, string value, int count) => throw null;
        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount) => throw null;
        public StringBuilder Remove(int startIndex, int length) => throw null;
        public StringBuilder Replace(char oldChar, char newChar) => throw null;
        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count) => throw null;
        public StringBuilder Replace(string oldValue, string newValue) => throw null;
        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count) => throw null;
        public override string ToString() => throw null;
        public string ToString(int startIndex, int length) => throw null;
    }

    public abstract class Encoding
    {
        public static Encoding UTF8 => throw null;

        public virtual byte[] GetBytes(string s) => throw null;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public virtual char[] GetChars(byte[] bytes) => throw null;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
        public virtual Decoder GetDecoder() => throw null;
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() => throw null;

        public override byte[] GetBytes(string s) => throw null;
        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public override char[] GetChars(byte[] bytes) => throw null;
        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
    }

    public abstract class Decoder
    {
        public virtual void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount,
            bool flush, out int bytesUsed, out int charsUsed, out bool completed) => throw null;
    }
}
