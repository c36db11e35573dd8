using System;
using System.IO;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.EmulatorCli
{
    /// <summary>Writes a recorded stereo output as a 48 kHz, 24-bit PCM WAV file (full scale = 1.0, clipped).</summary>
    public static class WavWriter
    {
        public static void Write(string path, SignalRecorder left, SignalRecorder right)
        {
            long first = Math.Max(left.FirstSample, right.FirstSample);
            long frames = Math.Min(left.FirstSample + left.Length, right.FirstSample + right.Length) - first;
            if (first < 0 || frames <= 0)
            {
                frames = 0;
            }

            const int channels = 2;
            const int bytesPerSample = 3;
            long dataBytes = frames * channels * bytesPerSample;
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            using var writer = new BinaryWriter(stream);
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
            for (long n = first; n < first + frames; n++)
            {
                WriteSample(writer, left.At(n));
                WriteSample(writer, right.At(n));
            }
        }

        private static void WriteSample(BinaryWriter writer, double value)
        {
            int sample = AdcTap.ToInt24(value);
            writer.Write((byte)(sample & 0xFF));
            writer.Write((byte)((sample >> 8) & 0xFF));
            writer.Write((byte)((sample >> 16) & 0xFF));
        }
    }
}
