using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// Runs every benchmark, prints the figures and writes them to docs/benchmarks.md.
    /// Options: --quick (short runs, for smoke-testing the program; writes nothing), --no-write,
    /// --render-digest (a fingerprint of the emulator's renders, to prove a render-path change
    /// bit-exact), --profile-emulator N (the reference board for N s of audio, for a profiler),
    /// --emulator-speed (the three emulator speed rows only, printed),
    /// --il (the IL counts per scenario, printed; with IL_WORST=1 the worst period's largest
    /// methods, IL_WORST_N of them; IL_OVER=1 also every period over budget, IL_TRACE=1 every
    /// period, by method: what a scheduling change moved),
    /// --count-il (internal: the instrumented child run).
    /// </summary>
    public static class Program
    {
        private const int SpeedRuns = 5;
        private const int LoopRuns = 3;

        public static int Main(string[] args)
        {
            if (Array.IndexOf(args, "--count-il") >= 0)
            {
                FirmwareLoop.PrintIlCounts();
                return 0;
            }

            if (Array.IndexOf(args, "--il") >= 0)
            {
                foreach (string line in IlCounting.RunInstrumentedChild())
                {
                    Console.WriteLine(line);
                }

                return 0;
            }

            if (Array.IndexOf(args, "--render-digest") >= 0)
            {
                Console.WriteLine(RenderDigest.Compute());
                return 0;
            }

            int profileAt = Array.IndexOf(args, "--profile-emulator");
            if (profileAt >= 0)
            {
                int profileSeconds = int.Parse(args[profileAt + 1], CultureInfo.InvariantCulture);
                Console.WriteLine(EmulatorSpeed.ReferenceBoardPlayback(profileSeconds).ToString("F0", CultureInfo.InvariantCulture) + "× real time");
                return 0;
            }

            if (Array.IndexOf(args, "--emulator-speed") >= 0)
            {
                // the three emulator speed rows only, as the full run measures them (writes nothing)
                Console.WriteLine("reference board: " + Spread(Repeat(SpeedRuns, () => EmulatorSpeed.ReferenceBoardPlayback(60)), "× real time"));
                Console.WriteLine("audio kit: " + Spread(Repeat(SpeedRuns, () => EmulatorSpeed.AudioKitMonitoring(60)), "× real time"));
                Console.WriteLine("control only: " + Spread(Repeat(SpeedRuns, () => EmulatorSpeed.ControlOnly(600)), "× real time"));
                return 0;
            }

            bool quick = Array.IndexOf(args, "--quick") >= 0;
            bool write = Array.IndexOf(args, "--no-write") < 0 && !quick;
            int seconds = quick ? 1 : 60;
            string loadBefore = LoadAverage();
            var wall = Stopwatch.StartNew();
            var rows = new List<(string Benchmark, string Figure, string Notes)>();

            rows.Add(("Emulator speed, reference board", Spread(Repeat(quick ? 1 : SpeedRuns, () => EmulatorSpeed.ReferenceBoardPlayback(seconds)), "× real time"),
                seconds + " s of 48 kHz stereo: playback + input monitoring through WM8960 and TPA6130A2 to both jacks, pop detectors on 6 channels (main, second, codec A's probe); CPU time of one core, after a warm-up of at least 300 ms of CPU (the JIT's tiers settled: a steady-state rate)"));
            rows.Add(("Emulator speed, audio kit", Spread(Repeat(quick ? 1 : SpeedRuns, () => EmulatorSpeed.AudioKitMonitoring(seconds)), "× real time"),
                seconds + " s of 48 kHz stereo: line input through the ES8388 bypass to the headphone jack"));
            rows.Add(("Emulator speed, control only", Spread(Repeat(quick ? 1 : SpeedRuns, () => EmulatorSpeed.ControlOnly(quick ? 10 : 600)), "× real time"),
                (quick ? 10 : 600) + " s of the reference board with the firmware on its " + InterfaceFirmware.Firmware.Application.InterfaceDevice.DriverTickMs + " ms clock (the application every " + InterfaceFirmware.Firmware.Application.InterfaceDevice.TickMs + " ms), audio not rendered (board.Audio.Rendering = false): what a soak runs at"));

            rows.AddRange(DriverTraffic.Measure());

            var runs = new List<FirmwareLoop.Figures>[FirmwareLoop.Scenarios.Length];
            for (int s = 0; s < runs.Length; s++)
            {
                runs[s] = new List<FirmwareLoop.Figures>();
                for (int r = 0; r < (quick ? 1 : LoopRuns); r++)
                {
                    runs[s].Add(FirmwareLoop.RunScenario(s));
                }
            }

            var il = new Dictionary<string, double[]>();
            long tapIlPerBlock = 0;
            var hotSpots = new List<(string, string, string)>();
            foreach (string line in IlCounting.RunInstrumentedChild())
            {
                string[] parts = line.Split('\t');
                if (parts[0] == "TAP")
                {
                    tapIlPerBlock = long.Parse(parts[1], CultureInfo.InvariantCulture);
                }
                else if (parts[0] == "IL")
                {
                    il[parts[1]] = parts.Skip(2).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                }
                else if (parts[0] == "TOP" && (parts[1] == "idle" || parts[1] == "metering on" || parts[1] == "blend sweep"))
                {
                    hotSpots.Add(("IL hot spots, " + parts[1], parts[2], "IL instructions per tick by method over the measured ticks (the boot left out), the twelve largest (a method's own blocks, not its callees)"));
                }
            }

            rows.AddRange(FirmwareLoop.Rows(runs, il, InterpreterSpeed.Conservative, tapIlPerBlock));
            rows.AddRange(hotSpots);
            rows.AddRange(ActionTraffic.Measure());
            wall.Stop();

            foreach (var row in rows)
            {
                Console.WriteLine(row.Benchmark + ": " + row.Figure + " (" + row.Notes + ")");
            }

            Console.WriteLine("ran in " + wall.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture) + " s; load average before " + loadBefore + ", after " + LoadAverage());
            if (write)
            {
                WriteTable(rows, wall.Elapsed, loadBefore);
            }

            return 0;
        }

        private static List<double> Repeat(int runs, Func<double> measure)
        {
            var values = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                values.Add(measure());
            }

            values.Sort();
            return values;
        }

        private static string Spread(List<double> sorted, string unit)
        {
            string median = FirmwareLoop.Median(sorted).ToString("F0", CultureInfo.InvariantCulture) + unit;
            return sorted.Count == 1 ? median : median + " (median of " + sorted.Count + " runs; " + sorted[0].ToString("F0", CultureInfo.InvariantCulture) + "–" + sorted[sorted.Count - 1].ToString("F0", CultureInfo.InvariantCulture) + ")";
        }

        private static void WriteTable(List<(string Benchmark, string Figure, string Notes)> rows, TimeSpan took, string loadBefore)
        {
            string path = Path.Combine(FindRoot(), "docs", "benchmarks.md");
            string commit = Commit(); // before the table is rewritten, so the working tree is the code measured
            using var writer = new StreamWriter(path);
            writer.WriteLine("# Benchmarks");
            writer.WriteLine();
            writer.WriteLine("Written by `dotnet run -c Release --project tests/Benchmarks` from the repository root (do not edit by hand; about "
                + Math.Ceiling(took.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s). `--no-write` prints only; `--render-digest` prints a fingerprint of the emulator's renders.");
            writer.WriteLine();
            writer.WriteLine("Commit: " + commit + ". Machine: " + CpuModel() + ", " + Environment.ProcessorCount + " cores, " + RuntimeInformation.OSDescription + ", "
                + RuntimeInformation.FrameworkDescription + "; load average " + loadBefore + " before the run, " + LoadAverage() + " after (the machine is shared: speed figures are medians of several runs, in CPU time, with their range).");
            writer.WriteLine();
            writer.WriteLine("Device time per tick: IL instructions counted by instrumenting every basic block of copies of the built hal, drivers and firmware assemblies "
                + "(Mono.Cecil; a child run of this program executes the scenarios on them; calls into the runtime count as one instruction), at "
                + InterpreterSpeed.Conservative.MicrosecondsPerIl.ToString("F1", CultureInfo.InvariantCulture) + " µs per IL instruction ("
                + InterpreterSpeed.Typical.MicrosecondsPerIl.ToString("F1", CultureInfo.InvariantCulture) + " µs on the faster build): derived from nanoframework/Home issue #1013, where "
                + "`while (true) led.Toggle();` toggled a pin at 27 kHz (ESP32_REV3 build, 1.8.0.6) and 81 kHz (ESP32_PSRAM_REV3): two iterations of three IL instructions "
                + "(one a native call) per period. The reference board's ESP32-WROVER-E carries PSRAM, so the image it runs is ESP32_PSRAM_REV3 (2.1 µs); 6.2 µs is the slower image's, kept as the "
                + "pessimistic bound. Plus the tick's I2C bits on the wire (start, (address + data bytes) × 9, stop); nanoFramework's I2C calls block. The ADC is read as on the device: "
                + "the firmware scans the raw I2S slots in the hal's AdcBlockRing (counted); the reader thread that fills it is counted apart (Interpreter load). "
                + "How far one figure per instruction carries: the toggle loop's native GpioPin.Toggle (an InternalCall, no managed wrapper) costs the interpreter far more than a plain "
                + "instruction, so the figure is an upper bound for plain IL, and the calls (call, callvirt, newobj, counted too) are what could make it an under-estimate: with a plain "
                + "instruction costing a and a native call 6.2 − 2a µs (the loop's iteration), the firmware's time stays under the flat figure for any a ≤ 2.1 µs as long as calls are "
                + "under a third of its IL and cost what the native call does; they are 5–7 % (the rows below: a share s), so a managed call could cost up to 2.1 / s − a (1 / s − 1) µs "
                + "(≈ 19 µs at s = 6 %, a = 1 µs) before the flat figure under-counts. No published measurement separates a and the calls (nanoframework/Home #1013 has the only figures found).");
            writer.WriteLine();
            writer.WriteLine("| Benchmark | Figure | What was measured |");
            writer.WriteLine("|---|---|---|");
            foreach (var row in rows)
            {
                writer.WriteLine("| " + row.Benchmark + " | " + row.Figure + " | " + row.Notes + " |");
            }

            Console.WriteLine("wrote " + path);
        }

        private static string LoadAverage()
        {
            try
            {
                string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return parts[0] + " / " + parts[1] + " / " + parts[2];
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        private static string CpuModel()
        {
            try
            {
                string line = File.ReadAllLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                return line == null ? RuntimeInformation.ProcessArchitecture.ToString() : line.Substring(line.IndexOf(':') + 1).Trim();
            }
            catch (IOException)
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }
        }

        private static string Commit()
        {
            try
            {
                var start = new ProcessStartInfo("git", "-C \"" + FindRoot() + "\" log -1 --format=%h") { RedirectStandardOutput = true, UseShellExecute = false };
                using var git = Process.Start(start)!;
                string hash = git.StandardOutput.ReadToEnd().Trim();
                git.WaitForExit();
                var status = new ProcessStartInfo("git", "-C \"" + FindRoot() + "\" status --porcelain --untracked-files=no") { RedirectStandardOutput = true, UseShellExecute = false };
                using var dirty = Process.Start(status)!;
                bool changed = dirty.StandardOutput.ReadToEnd().Trim().Length > 0;
                dirty.WaitForExit();
                return hash + (changed ? " with uncommitted changes" : string.Empty);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "unknown";
            }
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
