using System;
using System.Collections.Generic;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// What the chip drivers cost the I2C bus and the control loop on the reference board: writes
    /// (and time) per action, and bytes allocated per tick in steady state. Counts come from the
    /// emulator's bus log, so they are exact; time is virtual (what the device would take).
    /// </summary>
    public static class DriverTraffic
    {
        private const int TickMs = 5;

        public static List<(string Benchmark, string Figure, string Notes)> Measure()
        {
            var rows = new List<(string, string, string)>();
            var board = new VirtualBoard(BoardDescription.Reference(), 5);
            board.ConnectComputer();
            board.RunMs(500);
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            var codec = new Wm8960Codec(board.Bus, board.Description.CodecAddress, null);
            var amplifier = new Tpa6130a2Amplifier(board.Bus, board.Description.AmplifierAddress, board.AmplifierShutdown, null);

            int mark = board.Bus.TransactionCount;
            codec.Start(board.Clock.NowMs);
            amplifier.Start(board.Clock.NowMs);
            rows.Add(Row("Driver start (WM8960 + TPA6130A2)", Since(board, ref mark), "defaults: zero-cross + timeout, soft-mute ramp, routing; amplifier held in shutdown by its SD line"));

            codec.ConfigureClocks(48000, 12288000);
            codec.SetHeadphoneVolume(StereoGain.Both(-1000));
            codec.SetMonitor(MonitorGains.Straight(-600));
            Since(board, ref mark);
            codec.RequestPowerState(CodecPowerState.On, board.Clock.NowMs);
            long ms = RunUntilIdle(board, codec, amplifier);
            rows.Add(Row("Codec Off → On", Since(board, ref mark) + " writes, " + ms + " ms", "bias soft start and settle (1.2 s), converters, mixers, drivers; outputs up muted"));

            amplifier.SetVolume(0);
            amplifier.SetEnabled(true, board.Clock.NowMs);
            ms = RunUntilIdle(board, codec, amplifier);
            rows.Add(Row("Amplifier enable", Since(board, ref mark) + " writes, " + ms + " ms", "SD high, volume (muted), channels on, un-mute last"));

            codec.SetMuted(false, board.Clock.NowMs);
            ms = RunUntilIdle(board, codec, amplifier);
            rows.Add(Row("Codec un-mute, monitor open", Since(board, ref mark) + " writes, " + ms + " ms", "headphone volume from mute to −10 dB in zero-cross steps (3 dB; 1 dB over the last 9 dB), then the DAC's soft un-mute"));

            codec.SetHeadphoneVolume(StereoGain.Both(-900));
            rows.Add(Row("Headphone volume step, both channels", Since(board, ref mark), "left stored in the VU latch, right with VU: both change together"));
            codec.SetHeadphoneVolume(new StereoGain(-800, -900));
            rows.Add(Row("Headphone volume step, one channel", Since(board, ref mark), "that register with VU"));
            codec.SetDacVolume(StereoGain.Both(-50));
            rows.Add(Row("DAC volume step", Since(board, ref mark), "0.5 dB, both channels"));

            long allocated = AllocatedPerTick(board, codec, amplifier, 2000);
            rows.Add(Row("Allocation per tick, steady state", allocated + " bytes", "codec and amplifier drivers ticked every 5 ms for 2 s while playing (host build)"));

            codec.SetMonitor(MonitorGains.Off());
            Since(board, ref mark);
            codec.SetMuted(true, board.Clock.NowMs);
            ms = RunUntilIdle(board, codec, amplifier);
            rows.Add(Row("Codec mute, playback only", Since(board, ref mark) + " writes, " + ms + " ms", "soft mute, then the headphone pair to mute once the 170 ms ramp ran"));

            board.Wm8960.BrownOut();
            codec.Resync(board.Clock.NowMs, false);
            ms = RunUntilIdle(board, codec, amplifier);
            rows.Add(Row("Codec re-sync after a brown-out", Since(board, ref mark) + " writes, " + ms + " ms", "every register the driver had set, then the power sequences back to On"));

            amplifier.SetEnabled(false, board.Clock.NowMs);
            codec.RequestPowerState(CodecPowerState.Off, board.Clock.NowMs);
            ms = RunUntilIdle(board, codec, amplifier);
            rows.Add(Row("Amplifier shutdown + codec On → Off", Since(board, ref mark) + " writes, " + ms + " ms", "amplifier muted first; codec soft-muted, drivers off, bias off"));
            return rows;
        }

        private static (string, string, string) Row(string benchmark, object figure, string notes)
        {
            string text = figure is int count ? count + (count == 1 ? " write" : " writes") : figure.ToString();
            return (benchmark, text, notes);
        }

        private static int Since(VirtualBoard board, ref int mark)
        {
            int count = board.Bus.TransactionCount - mark;
            mark = board.Bus.TransactionCount;
            return count;
        }

        private static long RunUntilIdle(VirtualBoard board, Wm8960Codec codec, Tpa6130a2Amplifier amplifier)
        {
            long start = board.Clock.NowMs;
            do
            {
                codec.Tick(board.Clock.NowMs);
                amplifier.Tick(board.Clock.NowMs);
                board.RunMs(TickMs);
            }
            while (codec.Busy || amplifier.Busy);
            return board.Clock.NowMs - start - TickMs;
        }

        private static long AllocatedPerTick(VirtualBoard board, Wm8960Codec codec, Tpa6130a2Amplifier amplifier, int ms)
        {
            int ticks = ms / TickMs;
            long total = 0;
            for (int i = 0; i < ticks; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                codec.Tick(board.Clock.NowMs);
                amplifier.Tick(board.Clock.NowMs);
                total += GC.GetAllocatedBytesForCurrentThread() - before;
                board.RunMs(TickMs);
            }

            return total / ticks;
        }
    }
}
