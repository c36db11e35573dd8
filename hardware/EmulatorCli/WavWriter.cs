using System;
using System.IO;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.EmulatorCli
{
    /// <summary>Writes a recorded stereo output as a 48 kHz, 24-bit PCM WAV file (full scale = 1.0, clipped).</summary>
    public static class WavWriter
    {
        public const int HeaderBytes = 44;

        public static void Write(Stream stream, SignalRecorder left, SignalRecorder right)
        {
            Write(stream, left, right, 0);
        }

        /// <summary>Writes the recording from engine sample <paramref name="fromSample"/> on.</summary>
        public static void Write(Stream stream, SignalRecorder left, SignalRecorder right, long fromSample)
        {
            long first = Math.Max(fromSample, Math.Max(left.FirstSample, right.FirstSample));
            long frames = Math.Min(left.FirstSample + left.Length, right.FirstSample + right.Length) - first;
            if (first < 0 || frames <= 0)
            {
                frames = 0;
            }

            const int channels = 2;
            const int bytesPerSample = 3;
            long dataBytes = frames * channels * bytesPerSample;
            using var writer = new BinaryWriter(stream, System.Text.Encoding.ASCII, true);
            writer.Write("RIFF"u8.ToArray());
            writer.Write((uint)(36 + dataBytes));
            writer.Write("WAVEfmt "u8.ToArray());
            writer.Write(16u);
            writer.Write((ushort)1); // PCM
            writer.Write((ushort)channels);
            writer.Write((uint)AudioEngine.SampleRate);
            writer.Write((uint)(AudioEngine.SampleRate * channels * bytesPerSample));
            writer.Write((ushort)(channels * bytesPerSample));
            writer.Write((ushort)(8 * bytesPerSample));
            writer.Write("data"u8.ToArray());
            writer.Write((uint)dataBytes);
            var frame = new byte[channels * bytesPerSample];
            for (long n = first; n < first + frames; n++)
            {
                Put(frame, 0, left.At(n));
                Put(frame, bytesPerSample, right.At(n));
                writer.Write(frame);
            }
        }

        private static void Put(byte[] frame, int offset, double value)
        {
            int sample = AdcTap.ToInt24(value);
            frame[offset] = (byte)(sample & 0xFF);
            frame[offset + 1] = (byte)((sample >> 8) & 0xFF);
            frame[offset + 2] = (byte)((sample >> 16) & 0xFF);
        }
    }
}
