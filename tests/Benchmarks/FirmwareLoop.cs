using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// The firmware's control loop on the emulated reference board: bytes allocated and host time
    /// per tick in steady state (idle, a held volume key, a volume sweep by actions), and I2C
    /// writes per user action. The board's own tick is stopped and the benchmark calls the
    /// device's Tick itself, so only the firmware is measured, not the emulator's rendering; what
    /// the emulated chips allocate while handling a write (the model's bookkeeping, not the
    /// device's) is metered at the bus and left out.
    /// </summary>
    public static class FirmwareLoop
    {
        public static List<(string Benchmark, string Figure, string Notes)> Measure()
        {
            var rows = new List<(string, string, string)>();
            var board = new VirtualBoard(BoardDescription.Reference(), 9);
            board.ConnectComputer();
            board.RunMs(600);
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            board.SetInput("input-2", SineSource.AtDbfs(1000, -20));
            board.PlugHeadphones(true);
            var bus = new MeteredBus(board.Bus);
            var device = StartDevice(board, bus, true);
            board.RunMs(4000); // boot, power-up, fade-in
            board.Clock.StopTicks();
            board.Bus.LogEnabled = false; // the emulator's transaction log allocates; the firmware is what is measured

            var idle = Run(board, bus, device, 2000, null);
            rows.Add(Row("Control loop, idle", idle, "reference board up, both jacks open, playback + monitor, meters reading the ADC tap, settings saver watching; 2 s of ticks"));

            Button down = board.Button("volume-down");
            down.PressAndHold();
            var held = Run(board, bus, device, 3000, null);
            down.Release();
            Run(board, bus, device, 200, null);
            rows.Add(Row("Control loop, held volume key", held, "volume-down held 3 s: bouncing edges, debounce, repeats at full speed, planning, ramps, writes"));

            var sweep = Run(board, bus, device, 4000, device);
            rows.Add(Row("Control loop, volume sweep", sweep, "a volume step every 8th tick (40 ms) for 4 s, up and down"));

            int mark = board.Bus.TransactionCount;
            int steps = 0;
            int most = 0;
            for (int i = 0; i < 40; i++)
            {
                int before = board.Bus.TransactionCount;
                device.Apply(i < 20 ? UserAction.VolumeDown : UserAction.VolumeUp, board.Clock.NowMs);
                TickFor(board, device, 100);
                int writes = board.Bus.TransactionCount - before;
                most = Math.Max(most, writes);
                steps++;
            }

            double perStep = (board.Bus.TransactionCount - mark) / (double)steps;
            rows.Add(("I2C writes per 0.5 dB volume step", perStep.ToString("F1", CultureInfo.InvariantCulture) + " average, " + most + " at most",
                "20 steps down and 20 up on the main jack: the DAC pair (left latched, right with VU) on every step, the headphone pair too on every other step, when the 1 dB stage moves"));
            return rows;
        }

        /// <summary>The firmware on the board's hal, started (its ticks are the caller's to drive or the board's).</summary>
        public static InterfaceDevice StartDevice(VirtualBoard board, InterfaceFirmware.Hal.II2cBus bus, bool metering)
        {
            var io = new BoardIo(board.Clock, bus, new VirtualGpio(board), board.Log);
            io.Usb = board.Usb;
            io.CodecClock = board.CodecClock;
            io.Power = board.Power;
            io.Store = board.Settings;
            if (metering)
            {
                io.AdcTap = board.AdcTap; // the peak meters read every captured frame
            }

            var device = new InterfaceDevice(BoardProfiles.Reference(), io, null);
            device.Start();
            return device;
        }

        private sealed class Figures
        {
            public double BytesPerTick;
            public double MeanUs;
            public double WorstUs;
        }

        private static Figures Run(VirtualBoard board, MeteredBus bus, InterfaceDevice device, int ms, InterfaceDevice stepper)
        {
            int ticks = ms / InterfaceDevice.TickMs;
            long bytes = 0;
            double totalUs = 0;
            double worstUs = 0;
            var watch = new Stopwatch();
            for (int i = 0; i < ticks; i++)
            {
                if (stepper != null && i % 8 == 0)
                {
                    stepper.Apply((i / 400) % 2 == 0 ? UserAction.VolumeDown : UserAction.VolumeUp, board.Clock.NowMs);
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                long inBus = bus.AllocatedInside;
                watch.Restart();
                device.Tick(board.Clock.NowMs);
                watch.Stop();
                bytes += GC.GetAllocatedBytesForCurrentThread() - before - (bus.AllocatedInside - inBus);
                double us = watch.Elapsed.TotalMilliseconds * 1000;
                totalUs += us;
                worstUs = Math.Max(worstUs, us);
                board.RunMs(InterfaceDevice.TickMs);
            }

            return new Figures { BytesPerTick = bytes / (double)ticks, MeanUs = totalUs / ticks, WorstUs = worstUs };
        }

        /// <summary>The emulated bus, with what the emulator allocates while handling a transaction kept apart from the firmware's figure.</summary>
        private sealed class MeteredBus : InterfaceFirmware.Hal.II2cBus
        {
            private readonly InterfaceFirmware.Hal.II2cBus _inner;

            public MeteredBus(InterfaceFirmware.Hal.II2cBus inner)
            {
                _inner = inner;
            }

            public long AllocatedInside { get; private set; }

            public InterfaceFirmware.Hal.I2cStatus Write(int address, byte[] buffer, int offset, int count)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var status = _inner.Write(address, buffer, offset, count);
                AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
                return status;
            }

            public InterfaceFirmware.Hal.I2cStatus Read(int address, byte[] buffer, int offset, int count)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var status = _inner.Read(address, buffer, offset, count);
                AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
                return status;
            }

            public InterfaceFirmware.Hal.I2cStatus WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var status = _inner.WriteRead(address, writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
                AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
                return status;
            }
        }

        private static void TickFor(VirtualBoard board, InterfaceDevice device, int ms)
        {
            for (int t = 0; t < ms; t += InterfaceDevice.TickMs)
            {
                device.Tick(board.Clock.NowMs);
                board.RunMs(InterfaceDevice.TickMs);
            }
        }

        private static (string, string, string) Row(string name, Figures f, string notes)
        {
            return (name, f.BytesPerTick.ToString("F1", CultureInfo.InvariantCulture) + " bytes/tick; host "
                + f.MeanUs.ToString("F1", CultureInfo.InvariantCulture) + " µs mean, " + f.WorstUs.ToString("F0", CultureInfo.InvariantCulture) + " µs worst", notes);
        }
    }
}
