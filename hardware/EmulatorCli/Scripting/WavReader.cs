using System;
using System.IO;
using System.Text;

namespace InterfaceFirmware.EmulatorCli.Scripting
{
    /// <summary>A WAV file's audio: one or two channels in full-scale units at the file's rate.</summary>
    public sealed class WavAudio
    {
        public WavAudio(double[] left, double[] right, int sampleRate, int channels)
        {
            Left = left;
            Right = right;
            SampleRate = sampleRate;
            Channels = channels;
        }

        public double[] Left { get; }

        /// <summary>The second channel; the first again for a mono file.</summary>
        public double[] Right { get; }

        public int SampleRate { get; }

        public int Channels { get; }

        public double Seconds
        {
            get { return Left.Length / (double)SampleRate; }
        }
    }

    /// <summary>A WAV file the program cannot use: the message says why, in a user's words.</summary>
    public sealed class WavException : Exception
    {
        public WavException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Reads RIFF/WAVE files: PCM 8, 16, 24 or 32 bit, IEEE float 32 or 64 bit (also in the
    /// extensible format), any rate from 8 to 192 kHz, one or more channels (the first two are
    /// used). Anything else is a <see cref="WavException"/> saying what the file is.
    /// </summary>
    public static class WavReader
    {
        private const int FormatPcm = 1;
        private const int FormatFloat = 3;
        private const int FormatExtensible = 0xFFFE;

        public static WavAudio Read(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new WavException(InterfaceFirmware.EmulatorCli.Output.OutputPlan.WhyUnreadable(e, path));
            }

            return Parse(bytes);
        }

        public static WavAudio Parse(byte[] bytes)
        {
            if (bytes.Length < 12 || Ascii(bytes, 0) != "RIFF" || Ascii(bytes, 8) != "WAVE")
            {
                throw new WavException("not a WAV file (no RIFF/WAVE header)");
            }

            int format = 0, channels = 0, rate = 0, bits = 0, blockAlign = 0;
            int dataOffset = -1, dataLength = 0;
            int position = 12;
            while (position + 8 <= bytes.Length)
            {
                string id = Ascii(bytes, position);
                int size = BitConverter.ToInt32(bytes, position + 4);
                int body = position + 8;
                if (size < 0)
                {
                    throw new WavException("a damaged WAV file (chunk '" + id + "' has a negative size)");
                }

                if (id == "fmt " && size >= 16 && body + 16 <= bytes.Length)
                {
                    format = BitConverter.ToUInt16(bytes, body);
                    channels = BitConverter.ToUInt16(bytes, body + 2);
                    rate = BitConverter.ToInt32(bytes, body + 4);
                    blockAlign = BitConverter.ToUInt16(bytes, body + 12);
                    bits = BitConverter.ToUInt16(bytes, body + 14);
                    if (format == FormatExtensible && size >= 26 && body + 26 <= bytes.Length)
                    {
                        format = BitConverter.ToUInt16(bytes, body + 24); // the sub-format GUID's first two bytes
                    }
                }
                else if (id == "data")
                {
                    dataOffset = body;
                    dataLength = (int)Math.Min(size, (long)bytes.Length - body); // a truncated file: what is there
                    break;
                }

                position = body + size + (size & 1);
            }

            if (channels == 0)
            {
                throw new WavException("a WAV file without a format chunk");
            }

            if (dataOffset < 0)
            {
                throw new WavException("a WAV file without audio (no data chunk)");
            }

            bool pcm = format == FormatPcm && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
            bool floating = format == FormatFloat && (bits == 32 || bits == 64);
            if (!pcm && !floating)
            {
                throw new WavException("a WAV file in a format this program does not read (format " + format + ", " + bits
                    + " bit; it reads PCM 8/16/24/32 bit and float 32/64 bit)");
            }

            if (rate < 8000 || rate > 192000)
            {
                throw new WavException("a WAV file at " + rate + " Hz (8000 to 192000 Hz are read)");
            }

            int bytesPerSample = bits / 8;
            if (blockAlign != bytesPerSample * channels)
            {
                throw new WavException("a damaged WAV file (block size " + blockAlign + " for " + channels + " × " + bits + " bit)");
            }

            int frames = dataLength / blockAlign;
            var left = new double[frames];
            var right = channels > 1 ? new double[frames] : left;
            for (int n = 0; n < frames; n++)
            {
                int at = dataOffset + n * blockAlign;
                left[n] = Sample(bytes, at, bits, floating);
                if (channels > 1)
                {
                    right[n] = Sample(bytes, at + bytesPerSample, bits, floating);
                }
            }

            return new WavAudio(left, right, rate, channels);
        }

        private static double Sample(byte[] b, int at, int bits, bool floating)
        {
            if (floating)
            {
                return bits == 32 ? BitConverter.ToSingle(b, at) : BitConverter.ToDouble(b, at);
            }

            switch (bits)
            {
                case 8: return (b[at] - 128) / 128.0;
                case 16: return BitConverter.ToInt16(b, at) / 32768.0;
                case 24: return ((b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) << 8 >> 8) / 8388608.0;
                default: return BitConverter.ToInt32(b, at) / 2147483648.0;
            }
        }

        private static string Ascii(byte[] bytes, int at)
        {
            return at + 4 <= bytes.Length ? Encoding.ASCII.GetString(bytes, at, 4) : string.Empty;
        }
    }
}
