using System;
using InterfaceFirmware.Hal;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// The firmware's control loop on the emulated reference board, scenario by scenario: bytes
    /// allocated and host time per tick, IL instructions per tick (in the instrumented child run)
    /// and the I2C bits each tick puts on the wire. The board's own tick is stopped and the
    /// benchmark calls the device's Tick itself, so only the firmware is measured, not the
    /// emulator's rendering; what the emulated chips allocate while handling a transaction (the
    /// model's bookkeeping, not the device's) is metered at the bus and left out.
    /// </summary>
    public static class FirmwareLoop
    {
        public static readonly string[] Scenarios = { "idle", "metering on", "held volume key", "volume sweep", "blend sweep", "standalone with keep-alive", "settings save" };

        private static readonly string[] ScenarioNotes =
        {
            "reference board up on a computer, both jacks open, playback + monitor, no ADC tap (meters off), settings saver watching; 2 s",
            "as idle, with the ADC tap (the device's raw ring): the meters look at a comb of 16 of each tick's frames (PeakMeter.LookFrames), clip guard and auto gain fed; 2 s (the scenarios below meter too)",
            "volume-down held 3 s: bouncing edges, debounce, repeats at full speed, planning, ramps, writes",
            "a 0.5 dB volume step every 40 ms for 4 s, down then up",
            "monitor on (its paths switch on a silent jack: both jacks close and fade in again over the first ≈0.5 s, a register pair a step, the meters waiting out the fade steps), a blend step every 40 ms for 4 s, toward the inputs then back",
            "on a power bank, no computer: the ESP32 clocks the codecs, inputs monitored, keep-alive pulses; 30 s",
            "one volume step, then 5 s: the settings saver writes the record 3 s after the last change (serialised and checksummed ten values a step, the store's write last)",
        };

        // The sweeps step every 40 ms, whatever the tick.
        private const int StepEveryTicks = 40 / InterfaceDevice.TickMs > 0 ? 40 / InterfaceDevice.TickMs : 1;

        /// <summary>One scenario's figures over its ticks.</summary>
        public sealed class Figures
        {
            public double BytesPerTick;
            public double MeanUs;
            public double WorstUs;
            public double MeanIl;
            public long WorstIl;
            public long BitsInWorstIlTick;
            public long WorstBits;
            public long IlInWorstBitsTick;
            public double MeanBits;
            public double MeanCalls;
            public int TicksOverBudget; // periods over FitShare of the period at the PSRAM build's speed, I2C at 400 kHz
            public long CallsInWorstIlTick;
            public int Ticks;
            public string WorstTickMethods;
        }

        // IL per method when the measured ticks began (the boot before them left out)
        private static Dictionary<string, long> _runStart = new Dictionary<string, long>();

        // The metered device's tap: filled between ticks (on the device its reader thread does that, counted apart).
        private static DeviceShapedTap _deviceTap;

        /// <summary>The firmware on the board's hal, started (its ticks are the caller's to drive or the board's).</summary>
        public static InterfaceDevice StartDevice(VirtualBoard board, InterfaceFirmware.Hal.II2cBus bus, bool metering)
        {
            var io = new BoardIo(board.Clock, bus, new VirtualGpio(board), board.Log);
            io.ChipsMayBeLive = false; // a board just powered up
            io.Usb = board.Usb;
            io.CodecClock = board.CodecClock;
            io.Power = board.Power;
            io.Store = board.Settings;
            _deviceTap = null;
            if (metering)
            {
                _deviceTap = new DeviceShapedTap(board.AdcTap); // through the device's raw ring, as on the ESP32
                io.AdcTap = _deviceTap;
            }

            var device = new InterfaceDevice(BoardProfiles.Reference(), io, null);
            device.Start();
            return device;
        }

        /// <summary>Runs one scenario on a fresh board.</summary>
        public static Figures RunScenario(int scenario)
        {
            bool standalone = scenario == 5;
            var (board, bus, device) = Boot(standalone, scenario != 0);
            switch (scenario)
            {
                case 0:
                case 1:
                    return Run(board, bus, device, 2000, null);
                case 2:
                    Button down = board.Button("volume-down");
                    down.PressAndHold();
                    Figures held = Run(board, bus, device, 3000, null);
                    down.Release();
                    return held;
                case 3:
                    return Run(board, bus, device, 4000, i => i % StepEveryTicks != 0 ? UserAction.None : i * InterfaceDevice.TickMs < 2000 ? UserAction.VolumeDown : UserAction.VolumeUp);
                case 4:
                    device.Apply(UserAction.CycleMonitorMode, board.Clock.NowMs);
                    TickFor(board, device, 500);
                    return Run(board, bus, device, 4000, i => i % StepEveryTicks != 0 ? UserAction.None : i * InterfaceDevice.TickMs < 2000 ? UserAction.BlendTowardInputs : UserAction.BlendTowardPlayback);
                case 6:
                    return Run(board, bus, device, 5000, i => i == 0 ? UserAction.VolumeDown : UserAction.None);
                default:
                    return Run(board, bus, device, 30000, null);
            }
        }

        /// <summary>A booted reference board with the firmware up, its ticks stopped for the benchmark to drive.</summary>
        public static (VirtualBoard, MeteredBus, InterfaceDevice) Boot(bool standalone, bool metering)
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 9);
            if (standalone)
            {
                board.ConnectPowerBank();
            }
            else
            {
                board.ConnectComputer();
                board.RunMs(600);
                board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            }

            // a bright tone and noise: the meters' inter-sample estimate runs its roots (a 1 kHz sine
            // alone takes its short way: the sample peak is close enough there)
            board.SetInput("input-1", SineSource.AtDbfs(5000, -20));
            board.SetInput("input-2", new NoiseSource(7, 0.03));
            board.PlugHeadphones(true);
            var bus = new MeteredBus(board.Bus);
            var device = StartDevice(board, bus, metering);
            board.RunMs(4000); // boot, power-up, fade-in
            board.Clock.StopTicks();
            board.Bus.LogEnabled = false; // the emulator's transaction log allocates; the firmware is what is measured
            return (board, bus, device);
        }

        public static List<(string Benchmark, string Figure, string Notes)> Rows(List<Figures>[] runs, Dictionary<string, double[]> ilByScenario, InterpreterSpeed speed, long tapRingIlPerBlock)
        {
            var rows = new List<(string, string, string)>();
            for (int s = 0; s < Scenarios.Length; s++)
            {
                var means = runs[s].Select(f => f.MeanUs).OrderBy(x => x).ToList();
                Figures first = runs[s][0];
                string figure = first.BytesPerTick.ToString("F1", CultureInfo.InvariantCulture) + " bytes/tick; host "
                    + Median(means).ToString("F1", CultureInfo.InvariantCulture) + " µs/tick median of " + means.Count + " runs (" + means[0].ToString("F1", CultureInfo.InvariantCulture)
                    + "–" + means[means.Count - 1].ToString("F1", CultureInfo.InvariantCulture) + "), worst tick " + runs[s].Max(f => f.WorstUs).ToString("F0", CultureInfo.InvariantCulture) + " µs";
                rows.Add(("Control loop, " + Scenarios[s], figure, ScenarioNotes[s]));
            }

            if (ilByScenario == null)
            {
                return rows;
            }

            double period = InterfaceDevice.TickMs;
            for (int s = 0; s < Scenarios.Length; s++)
            {
                double[] il = ilByScenario[Scenarios[s]];
                double meanIl = il[0];
                long worstIl = (long)il[1];
                long bitsThere = (long)il[2];
                long worstBits = (long)il[3];
                long ilThere = (long)il[4];
                double worstMs = WorstMs(speed, il, 400000);
                double worstMsSlowBus = WorstMs(speed, il, 100000);
                double worstMsFast = WorstMs(InterpreterSpeed.Typical, il, 400000);
                double meanMs = speed.DeviceMs(meanIl, il[5], 400000);
                string calls = il.Length > 7 ? "; calls " + il[6].ToString("F0", CultureInfo.InvariantCulture) + " a tick mean (" + (100 * il[6] / meanIl).ToString("F0", CultureInfo.InvariantCulture)
                    + " % of the IL), " + ((long)il[7]).ToString(CultureInfo.InvariantCulture) + " in the worst" : string.Empty;
                string over = il.Length > 9 ? "; ticks over " + (100 * FitShare).ToString("F0", CultureInfo.InvariantCulture) + " % of the period at " + F1(InterpreterSpeed.Typical.MicrosecondsPerIl) + " µs/IL: "
                    + ((long)il[8]).ToString(CultureInfo.InvariantCulture) + " of " + ((long)il[9]).ToString(CultureInfo.InvariantCulture) : string.Empty;
                string figure = meanIl.ToString("F0", CultureInfo.InvariantCulture) + " IL/tick mean, " + worstIl + " worst" + calls + over + " (+" + bitsThere + " I2C bits in that tick; most bits in a tick: "
                    + worstBits + " with " + ilThere + " IL) → device worst tick ≈ " + F1(worstMs) + " ms at 400 kHz (" + F1(worstMsSlowBus) + " ms at 100 kHz; "
                    + F1(worstMsFast) + " ms at " + F1(InterpreterSpeed.Typical.MicrosecondsPerIl) + " µs/IL), mean " + F1(meanMs) + " ms: "
                    + Fit(worstMs, meanMs, period) + " a " + period.ToString("F0", CultureInfo.InvariantCulture) + " ms period at " + F1(speed.MicrosecondsPerIl) + " µs/IL; "
                    + Fit(worstMsFast, InterpreterSpeed.Typical.DeviceMs(meanIl, il[5], 400000), period) + " at " + F1(InterpreterSpeed.Typical.MicrosecondsPerIl) + " µs/IL; period this worst tick needs: ≥ "
                    + F1(worstMs / FitShare) + " ms (≥ " + F1(worstMsFast / FitShare) + " ms at " + F1(InterpreterSpeed.Typical.MicrosecondsPerIl) + " µs/IL)";
                rows.Add(("Device time per tick, " + Scenarios[s], figure, "a tick here is the application's period (" + InterfaceDevice.TickMs + " ms: its step and the drivers-only tick between, the clock ticking every " + InterfaceDevice.DriverTickMs + " ms); IL counted by instrumented basic blocks (see above) × " + speed.MicrosecondsPerIl.ToString("F2", CultureInfo.InvariantCulture)
                    + " µs per IL instruction, plus the tick's I2C bits on the wire; fits = the worst tick within " + (100 * FitShare).ToString("F0", CultureInfo.InvariantCulture) + " % of the period"));
            }

            double worst = 0;
            double worstFast = 0;
            double worstMean = 0;
            string worstScenario = null;
            foreach (string scenario in Scenarios)
            {
                double[] il = ilByScenario[scenario];
                double ms = WorstMs(speed, il, 400000);
                if (ms > worst)
                {
                    worst = ms;
                    worstScenario = scenario;
                }

                worstFast = Math.Max(worstFast, WorstMs(InterpreterSpeed.Typical, il, 400000));
                worstMean = Math.Max(worstMean, speed.DeviceMs(il[0], il[5], 400000));
            }

            // The interpreter's share the loop takes on average, and the tap's reader thread beside it.
            double ticksPerSecond = 1000.0 / period;
            double worstMeanIl = Scenarios.Max(sc => ilByScenario[sc][0]);
            double blocksPerSecond = 48000.0 / DeviceShapedTap.BlockFrames;
            double tapIl = tapRingIlPerBlock + TapLoopIlPerBlock;
            rows.Add(("Interpreter load", "loop " + Percent(worstMeanIl * ticksPerSecond, speed) + " of the interpreter at " + F1(speed.MicrosecondsPerIl) + " µs/IL, "
                + Percent(worstMeanIl * ticksPerSecond, InterpreterSpeed.Typical) + " at " + F1(InterpreterSpeed.Typical.MicrosecondsPerIl) + " µs/IL (the busiest scenario's mean, "
                + worstMeanIl.ToString("F0", CultureInfo.InvariantCulture) + " IL × " + ticksPerSecond.ToString("F0", CultureInfo.InvariantCulture) + " ticks/s); ADC tap reader thread "
                + tapIl.ToString("F0", CultureInfo.InvariantCulture) + " IL a block (" + tapRingIlPerBlock + " on the ring, counted, + ≈" + TapLoopIlPerBlock + " its loop) × "
                + blocksPerSecond.ToString("F0", CultureInfo.InvariantCulture) + " blocks/s at 48 kHz = " + Percent(tapIl * blocksPerSecond, speed) + " (" + Percent(tapIl * blocksPerSecond, InterpreterSpeed.Typical) + ")",
                "IL per second × µs per IL; the loop must stay well under 100 % (the tick is a timer callback: what it overruns, it delays); the tap's thread converted every frame before (≈60 IL a frame: ≈"
                + Percent(60 * 48000, InterpreterSpeed.Typical) + " at 2.1 µs/IL), now only the frames the meter reads, inside the tick"));

            rows.Add(("Tick budget (" + period.ToString("F0", CultureInfo.InvariantCulture) + " ms)", Fit(worst, worstMean, period) + " at " + F1(speed.MicrosecondsPerIl) + " µs/IL: worst tick ≈ " + F1(worst) + " ms ("
                + worstScenario + ", I2C at 400 kHz), worst scenario mean " + F1(worstMean) + " ms; a period of " + F1(period) + " ms is " + (period * 1000 / speed.MicrosecondsPerIl).ToString("F0", CultureInfo.InvariantCulture)
                + " IL. Period the worst tick would fit: ≥ " + F1(worst / FitShare) + " ms at " + F1(speed.MicrosecondsPerIl) + " µs/IL, ≥ " + F1(worstFast / FitShare) + " ms at "
                + F1(InterpreterSpeed.Typical.MicrosecondsPerIl) + " µs/IL (" + F1(worstFast) + " ms worst)",
                "the worst tick of any scenario, IL at the interpreter speed plus its I2C bits; fits = within " + (100 * FitShare).ToString("F0", CultureInfo.InvariantCulture) + " % of the period; the hot spots below say where the IL goes"));
            return rows;
        }

        // A tick fits when its worst case leaves this share of the period (the rest is margin: the reader thread of the ADC tap, GC, interrupts).
        private const double FitShare = 0.8;

        private static double WorstMs(InterpreterSpeed speed, double[] il, int busHz)
        {
            return Math.Max(speed.DeviceMs(il[1], il[2], busHz), speed.DeviceMs(il[4], il[3], busHz));
        }

        private static string Fit(double worstMs, double meanMs, double periodMs)
        {
            return worstMs <= FitShare * periodMs ? "fits" : meanMs <= FitShare * periodMs ? "mean fits, worst does NOT fit" : "does NOT fit";
        }

        private static string Percent(double ilPerSecond, InterpreterSpeed speed)
        {
            return (ilPerSecond * speed.MicrosecondsPerIl / 1e4).ToString("F0", CultureInfo.InvariantCulture) + " %";
        }

        private static string F1(double value)
        {
            return value.ToString("F1", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// IL the ADC tap's reader thread spends on the ring per block on the device (the hal's
        /// <see cref="AdcBlockRing"/>, counted; the I2S driver's copy is native). Its loop around
        /// that (two locks, a SpanByte, the read call, the loop test) is about
        /// <see cref="TapLoopIlPerBlock"/> more, read off Esp32AdcTap.ReadLoop's IL.
        /// </summary>
        public static long TapRingIlPerBlock()
        {
            var ring = new AdcBlockRing(DeviceShapedTap.RingFrames, DeviceShapedTap.BlockFrames);
            long before = IlCounting.Executed();
            const int Blocks = 64;
            for (int b = 0; b < Blocks; b++)
            {
                ring.BeginBlock();
                ring.CommitBlock();
            }

            return (IlCounting.Executed() - before) / Blocks;
        }

        public const int TapLoopIlPerBlock = 30;

        /// <summary>For the instrumented child: each scenario's IL figures, one line each.</summary>
        public static void PrintIlCounts()
        {
            Console.WriteLine("TAP\t" + TapRingIlPerBlock().ToString(CultureInfo.InvariantCulture));
            for (int s = 0; s < Scenarios.Length; s++)
            {
                Figures f = RunScenario(s);
                if (f.WorstTickMethods != null)
                {
                    Console.WriteLine("WORST\t" + Scenarios[s] + "\t" + f.WorstTickMethods);
                }

                Console.WriteLine("TOP\t" + Scenarios[s] + "\t" + string.Join("; ", IlCounting.TopMethods(_runStart, Environment.GetEnvironmentVariable("IL_TOP") == null ? 12 : int.Parse(Environment.GetEnvironmentVariable("IL_TOP"), CultureInfo.InvariantCulture), f.Ticks)));
                Console.WriteLine("IL\t" + Scenarios[s] + "\t" + f.MeanIl.ToString("R", CultureInfo.InvariantCulture) + "\t" + f.WorstIl + "\t" + f.BitsInWorstIlTick + "\t" + f.WorstBits + "\t" + f.IlInWorstBitsTick
                    + "\t" + f.MeanBits.ToString("R", CultureInfo.InvariantCulture) + "\t" + f.MeanCalls.ToString("R", CultureInfo.InvariantCulture) + "\t" + f.CallsInWorstIlTick
                    + "\t" + f.TicksOverBudget + "\t" + f.Ticks);
            }
        }

        public static double Median(IList<double> sorted)
        {
            int n = sorted.Count;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static Figures Run(VirtualBoard board, MeteredBus bus, InterfaceDevice device, int ms, Func<int, UserAction> actionAt)
        {
            int ticks = ms / InterfaceDevice.TickMs;
            long bytes = 0;
            double totalUs = 0;
            double worstUs = 0;
            long totalIl = 0;
            long totalBits = 0;
            long totalCalls = 0;
            var figures = new Figures();
            var watch = new Stopwatch();
            figures.Ticks = ticks;
            if (IlCounting.Active)
            {
                _runStart = IlCounting.SnapshotPerMethod();
            }

            _deviceTap?.Fill(); // what arrived before the first measured period (the reader thread's, not a tick's)
            bool worstByMethod = IlCounting.Active && Environment.GetEnvironmentVariable("IL_WORST") != null;
            Dictionary<string, long> tickStart = null;
            for (int i = 0; i < ticks; i++)
            {
                if (worstByMethod)
                {
                    tickStart = IlCounting.SnapshotPerMethod();
                }

                long il = IlCounting.Executed();
                long calls = IlCounting.Active ? IlCounting.Calls() : 0;
                long bits = bus.Bits;
                long before = GC.GetAllocatedBytesForCurrentThread();
                long inBus = bus.AllocatedInside;
                watch.Restart();
                UserAction action = actionAt == null ? UserAction.None : actionAt(i);
                if (action != UserAction.None)
                {
                    device.Apply(action, board.Clock.NowMs);
                }

                // a period of the application: its step and the drivers-only tick between (the clock
                // ticks every DriverTickMs; the board's time moves between the two, untimed)
                device.Tick(board.Clock.NowMs);
                watch.Stop();
                board.RunMs(InterfaceDevice.DriverTickMs);
                long beforeFill = IlCounting.Executed();
                long callsBeforeFill = IlCounting.Active ? IlCounting.Calls() : 0;
                _deviceTap?.Fill(); // the reader thread's blocks of those 5 ms (its work, not the tick's)
                il += IlCounting.Executed() - beforeFill; // taken off the period below
                calls += (IlCounting.Active ? IlCounting.Calls() : 0) - callsBeforeFill;
                watch.Start();
                device.Tick(board.Clock.NowMs);
                watch.Stop();
                bytes += GC.GetAllocatedBytesForCurrentThread() - before - (bus.AllocatedInside - inBus);
                il = IlCounting.Executed() - il;
                calls = (IlCounting.Active ? IlCounting.Calls() : 0) - calls;
                totalCalls += calls;
                bits = bus.Bits - bits;
                double us = watch.Elapsed.TotalMilliseconds * 1000;
                totalUs += us;
                worstUs = Math.Max(worstUs, us);
                totalIl += il;
                totalBits += bits;
                if (worstByMethod && Environment.GetEnvironmentVariable("IL_TRACE") != null)
                {
                    Console.WriteLine("TRACE\ttick " + i + "\t" + il + " IL\t" + bits + " bits\t" + string.Join("; ", IlCounting.TopMethods(tickStart, 200, 1)));
                }

                if (InterpreterSpeed.Typical.DeviceMs(il, bits, 400000) > FitShare * InterfaceDevice.TickMs)
                {
                    figures.TicksOverBudget++;
                    if (worstByMethod && Environment.GetEnvironmentVariable("IL_OVER") != null)
                    {
                        Console.WriteLine("OVER\ttick " + i + "\t" + il + " IL\t" + bits + " bits\t" + string.Join("; ", IlCounting.TopMethods(tickStart, 200, 1)));
                    }
                }

                if (il > figures.WorstIl)
                {
                    figures.WorstIl = il;
                    figures.BitsInWorstIlTick = bits;
                    figures.CallsInWorstIlTick = calls;
                    if (worstByMethod)
                    {
                        figures.WorstTickMethods = "tick " + i + ": " + string.Join("; ", IlCounting.TopMethods(tickStart, Environment.GetEnvironmentVariable("IL_WORST_N") == null ? 15 : int.Parse(Environment.GetEnvironmentVariable("IL_WORST_N"), CultureInfo.InvariantCulture), 1));
                    }
                }

                if (bits > figures.WorstBits)
                {
                    figures.WorstBits = bits;
                    figures.IlInWorstBitsTick = il;
                }

                board.RunMs(InterfaceDevice.TickMs - InterfaceDevice.DriverTickMs);
                _deviceTap?.Fill();
            }

            figures.BytesPerTick = bytes / (double)ticks;
            figures.MeanUs = totalUs / ticks;
            figures.WorstUs = worstUs;
            figures.MeanIl = totalIl / (double)ticks;
            figures.MeanBits = totalBits / (double)ticks;
            figures.MeanCalls = totalCalls / (double)ticks;
            return figures;
        }

        public static void TickFor(VirtualBoard board, InterfaceDevice device, int ms)
        {
            for (int t = 0; t < ms; t += InterfaceDevice.DriverTickMs)
            {
                device.Tick(board.Clock.NowMs);
                board.RunMs(InterfaceDevice.DriverTickMs);
            }
        }

        /// <summary>
        /// The emulated bus, counting transactions and the bits each puts on the wire (start,
        /// address and data bytes with their acknowledge bits, repeated start, stop), with what
        /// the emulator allocates while handling a transaction kept apart from the firmware's figure.
        /// </summary>
        public sealed class MeteredBus : InterfaceFirmware.Hal.II2cBus
        {
            private readonly InterfaceFirmware.Hal.II2cBus _inner;

            public MeteredBus(InterfaceFirmware.Hal.II2cBus inner)
            {
                _inner = inner;
            }

            public long AllocatedInside { get; private set; }

            public long Bits { get; private set; }

            public long Transactions { get; private set; }

            /// <summary>Bits on the wire for one transfer: start, (address + bytes) × 9, stop.</summary>
            public static long BitsFor(int bytes)
            {
                return 1 + 9 * (1 + bytes) + 1;
            }

            public InterfaceFirmware.Hal.I2cStatus Write(int address, byte[] buffer, int offset, int count)
            {
                Count(BitsFor(count));
                long before = GC.GetAllocatedBytesForCurrentThread();
                var status = _inner.Write(address, buffer, offset, count);
                AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
                return status;
            }

            public InterfaceFirmware.Hal.I2cStatus Read(int address, byte[] buffer, int offset, int count)
            {
                Count(BitsFor(count));
                long before = GC.GetAllocatedBytesForCurrentThread();
                var status = _inner.Read(address, buffer, offset, count);
                AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
                return status;
            }

            public InterfaceFirmware.Hal.I2cStatus WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
            {
                Count(BitsFor(writeCount) + BitsFor(readCount) - 1); // a repeated start instead of stop + start
                long before = GC.GetAllocatedBytesForCurrentThread();
                var status = _inner.WriteRead(address, writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
                AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
                return status;
            }

            private void Count(long bits)
            {
                Bits += bits;
                Transactions++;
            }
        }
    }
}
