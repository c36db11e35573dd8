using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// Runs every benchmark, prints the figures and writes them to docs/benchmarks.md.
    /// Options: --quick (short runs, for smoke-testing the program), --no-write.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            bool quick = Array.IndexOf(args, "--quick") >= 0;
            bool write = Array.IndexOf(args, "--no-write") < 0 && !quick;
            int seconds = quick ? 1 : 60;
            if (Array.IndexOf(args, "--render-digest") >= 0)
            {
                Console.WriteLine(RenderDigest.Compute());
                return 0;
            }

            int profileAt = Array.IndexOf(args, "--profile-emulator");
            if (profileAt >= 0)
            {
                // for a profiler (perf with DOTNET_PerfMapEnabled=1): the reference board only, for N s of audio
                int profileSeconds = int.Parse(args[profileAt + 1], CultureInfo.InvariantCulture);
                Console.WriteLine(EmulatorSpeed.ReferenceBoardPlayback(profileSeconds).ToString("F0", CultureInfo.InvariantCulture) + "× real time");
                return 0;
            }

            var rows = new List<(string Benchmark, string Figure, string Notes)>();

            double reference = EmulatorSpeed.ReferenceBoardPlayback(seconds);
            rows.Add(("Emulator speed, reference board", reference.ToString("F0", CultureInfo.InvariantCulture) + "× real time",
                seconds + " s of 48 kHz stereo: playback + input monitoring through WM8960 and TPA6130A2 to both jacks, pop detectors on 4 outputs"));
            double kit = EmulatorSpeed.AudioKitMonitoring(seconds);
            rows.Add(("Emulator speed, audio kit", kit.ToString("F0", CultureInfo.InvariantCulture) + "× real time",
                seconds + " s of 48 kHz stereo: line input through the ES8388 bypass to the headphone jack"));

            rows.AddRange(DriverTraffic.Measure());
            rows.AddRange(FirmwareLoop.Measure());

            foreach (var row in rows)
            {
                Console.WriteLine(row.Benchmark + ": " + row.Figure + " (" + row.Notes + ")");
            }

            if (write)
            {
                WriteTable(rows);
            }

            return 0;
        }

        private static void WriteTable(List<(string Benchmark, string Figure, string Notes)> rows)
        {
            string path = Path.Combine(FindRoot(), "docs", "benchmarks.md");
            using var writer = new StreamWriter(path);
            writer.WriteLine("# Benchmarks");
            writer.WriteLine();
            writer.WriteLine("Written by `dotnet run -c Release --project tests/Benchmarks` (do not edit by hand).");
            writer.WriteLine();
            writer.WriteLine("Machine: " + RuntimeInformation.OSDescription + ", " + Environment.ProcessorCount + " cores, "
                + RuntimeInformation.FrameworkDescription + "; single-threaded figures.");
            writer.WriteLine();
            writer.WriteLine("| Benchmark | Figure | What was measured |");
            writer.WriteLine("|---|---|---|");
            foreach (var row in rows)
            {
                writer.WriteLine("| " + row.Benchmark + " | " + row.Figure + " | " + row.Notes + " |");
            }

            Console.WriteLine("wrote " + path);
        }

        private static string FindRoot()
        {
            for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "InterfaceFirmware.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("InterfaceFirmware.sln not found");
        }
    }
}
