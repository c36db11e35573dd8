using System;
using System.IO;
using System.Text;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>WAV files for the emulator program's tests: 16-bit PCM, a 440 Hz sine on every channel.</summary>
    internal static class TestWav
    {
        /// <summary>Writes <paramref name="path"/> (<paramref name="peak"/> re full scale) and returns it.</summary>
        public static string Write(string path, int rate, int channels, double seconds, double peak)
        {
            int frames = (int)(rate * seconds);
            using var stream = new MemoryStream();
            using var w = new BinaryWriter(stream);
            w.Write(Encoding.ASCII.GetBytes("RIFF"));
            w.Write(36 + frames * channels * 2);
            w.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
            w.Write(16);
            w.Write((short)1);
            w.Write((short)channels);
            w.Write(rate);
            w.Write(rate * channels * 2);
            w.Write((short)(channels * 2));
            w.Write((short)16);
            w.Write(Encoding.ASCII.GetBytes("data"));
            w.Write(frames * channels * 2);
            for (int n = 0; n < frames; n++)
            {
                for (int c = 0; c < channels; c++)
                {
                    w.Write((short)Math.Round(32767 * peak * Math.Sin(2 * Math.PI * 440 * n / rate)));
                }
            }

            w.Flush();
            File.WriteAllBytes(path, stream.ToArray());
            return path;
        }
    }
}
