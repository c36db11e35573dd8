using System;
using System.Collections.Generic;
using System.Globalization;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Controls;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// I2C traffic per user action on the reference board with the firmware up (transactions and
    /// bits on the wire from the action until 1.5 s later, ramps and follow-up writes included,
    /// less what the same window carries without the action: the periodic chip probes),
    /// against the least the chips allow and against what a peer driver does for the same action;
    /// and boot: writes and virtual time from power-up to programme at the main jack.
    /// </summary>
    public static class ActionTraffic
    {
        private const int WindowMs = 1500;

        private sealed class Case
        {
            public string Name;
            public string Minimum;
            public string Peer;
            public Action<VirtualBoard, InterfaceDevice> Prepare;
            public Action<VirtualBoard, InterfaceDevice> Act;
        }

        private static Case[] Cases()
        {
            return new[]
            {
                new Case { Name = "volume step (0.5 dB)", Act = (b, d) => d.Apply(UserAction.VolumeDown, b.Clock.NowMs),
                    Minimum = "2 (one latched pair: left stored, right with VU)",
                    Peer = "2: Linux wm8960.c \"Headphone Playback Volume\" is SOC_DOUBLE_R_TLV on LOUT1/ROUT1, one regmap write per register, VU set in both at probe (so the channels change one after the other); 1 dB steps" },
                new Case { Name = "mute", Act = (b, d) => d.Apply(UserAction.ToggleMute, b.Clock.NowMs),
                    Minimum = "1 (the TPA6130A2's mute bits, or the WM8960's DACMU)",
                    Peer = "1: wm8960_mute() updates DACMU in R5; tpa6130a2.c has no mute path of its own (its volume control)" },
                new Case { Name = "un-mute", Act = (b, d) => d.Apply(UserAction.ToggleMute, b.Clock.NowMs),
                    Minimum = "1", Peer = "1: as mute" },
                new Case { Name = "monitor mode change", Act = (b, d) => d.Apply(UserAction.CycleMonitorMode, b.Clock.NowMs),
                    Minimum = "2 (LB2LO on the left and right bypass registers)",
                    Peer = "2: two DAPM mixer switches (\"Left/Right Boost Bypass Switch\", R45/R46), no power change while the output mixers are up" },
                new Case { Name = "blend step", Prepare = (b, d) => d.Apply(UserAction.CycleMonitorMode, b.Clock.NowMs), Act = (b, d) => d.Apply(UserAction.BlendTowardInputs, b.Clock.NowMs),
                    Minimum = "2 (the bypass volume pair) to 4 (and the DAC pair)",
                    Peer = "2 per control moved: \"Left/Right Boost Bypass Volume\" are two SOC_SINGLE controls (R45/R46); a blend moving playback too adds the DAC pair (2)" },
                new Case { Name = "input gain step", Prepare = (b, d) => d.Apply(UserAction.ToggleInputGainFocus, b.Clock.NowMs), Act = (b, d) => d.Apply(UserAction.VolumeUp, b.Clock.NowMs),
                    Minimum = "2 per codec (the input PGA pair with IPVU); 4 with codec B's PGA following",
                    Peer = "2: \"Capture Volume\" is SOC_DOUBLE_R_TLV on LINVOL/RINVOL" },
                new Case { Name = "jack select", Act = (b, d) => d.Apply(UserAction.SelectNextJack, b.Clock.NowMs),
                    Minimum = "0 (an LED shows it)", Peer = "n/a (no such action)" },
                new Case { Name = "rate change 48 → 44.1 kHz", Act = (b, d) => b.Usb.StartPlayback(44100, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10)),
                    Minimum = "about 5: mute (1–2), the clock dividers (R4), un-mute (1–2); more when the sample-rate-dependent blocks are re-set",
                    Peer = "≈8–12: a stream stop/start in ASoC: DAI mute (1), DAPM power-down of the DAC/outputs, hw_params → wm8960_configure_clocking (R4, R8 by update_bits) and the ALC rate (R27), DAPM power-up, un-mute (1); regmap skips unchanged bits" },
                new Case { Name = "USB → standalone (host leaves, power stays)", Act = (b, d) => { b.Usb.Detach(); b.Usb.AttachPowerOnly(); },
                    Minimum = "about 5: mute, the clock source (codec clocked by the ESP32), un-mute",
                    Peer = "n/a: Linux has no mode switch; a clock master change is a full stream stop/start (as the rate change)" },
                new Case { Name = "standalone → USB (a computer arrives)",
                    Prepare = (b, d) => { b.Usb.Detach(); b.Usb.AttachPowerOnly(); FirmwareLoop.TickFor(b, d, 5000); },
                    Act = (b, d) => { b.Usb.Attach(); },
                    Minimum = "about 5", Peer = "n/a" },
            };
        }

        public static List<(string Benchmark, string Figure, string Notes)> Measure()
        {
            var rows = new List<(string, string, string)>();
            foreach (Case c in Cases())
            {
                var (board, bus, device) = FirmwareLoop.Boot(false, true);
                c.Prepare?.Invoke(board, device);
                FirmwareLoop.TickFor(board, device, WindowMs);
                // the same window without the action first: the periodic probes are not the action's
                long baseTransactions = bus.Transactions;
                long baseBits = bus.Bits;
                FirmwareLoop.TickFor(board, device, WindowMs);
                baseTransactions = bus.Transactions - baseTransactions;
                baseBits = bus.Bits - baseBits;
                long transactions = bus.Transactions;
                long bits = bus.Bits;
                c.Act(board, device);
                FirmwareLoop.TickFor(board, device, WindowMs);
                transactions = bus.Transactions - transactions - baseTransactions;
                bits = bus.Bits - bits - baseBits;
                rows.Add(("I2C per action: " + c.Name, transactions + " transactions, " + bits + " bits: " + BusMs(bits, 100000) + " ms at 100 kHz, " + BusMs(bits, 400000) + " ms at 400 kHz",
                    "least the chips allow: " + c.Minimum + "; peer driver: " + c.Peer));
            }

            rows.Add(Boot());
            return rows;
        }

        private static (string, string, string) Boot()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 9);
            board.MainJack.Record(true);
            board.ConnectComputer();
            board.RunMs(600);
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            board.PlugHeadphones(true);
            var bus = new FirmwareLoop.MeteredBus(board.Bus);
            long startSample = AudioEngine.SampleAt(board.Clock.NowUs);
            long startMs = board.Clock.NowMs;
            var device = FirmwareLoop.StartDevice(board, bus, true);
            long liveMs = -1;
            long writesAtLive = 0;
            long bitsAtLive = 0;
            for (int t = 0; t < 6000; t += 5)
            {
                board.RunMs(5);
                if (liveMs < 0 && device.Live)
                {
                    liveMs = board.Clock.NowMs - startMs;
                }
            }

            SignalRecorder recorder = board.MainJack.Recorder(true);
            long end = recorder.FirstSample + recorder.Length;
            double finalPeak = recorder.Peak(end - 4800, end);
            long audible = -1;
            for (long n = startSample; n < end; n++)
            {
                if (Math.Abs(recorder.At(n)) > 0.5 * finalPeak)
                {
                    audible = n;
                    break;
                }
            }

            writesAtLive = bus.Transactions;
            bitsAtLive = bus.Bits;
            double audioMs = (audible - startSample) * 1000.0 / AudioEngine.SampleRate;
            int settle = InterfaceFirmware.Drivers.Wm8960.Wm8960Sequences.VmidSettleMs + InterfaceFirmware.Drivers.Wm8960.Wm8960Sequences.DriverSettleMs
                + InterfaceFirmware.Drivers.Tpa6130a2.Tpa6130a2Sequences.StartupMs;
            return ("Boot to audio (virtual time)", audioMs.ToString("F0", CultureInfo.InvariantCulture) + " ms to programme at half its final level on the main jack (clocks live at "
                + liveMs + " ms); " + writesAtLive + " transactions, " + bitsAtLive + " bits in the first 6 s (" + BusMs(bitsAtLive, 100000) + " ms at 100 kHz, " + BusMs(bitsAtLive, 400000) + " ms at 400 kHz)",
                "the chips' settle times sum to " + settle + " ms (WM8960 VMID soft start " + InterfaceFirmware.Drivers.Wm8960.Wm8960Sequences.VmidSettleMs + " ms + output drivers "
                + InterfaceFirmware.Drivers.Wm8960.Wm8960Sequences.DriverSettleMs + " ms + TPA6130A2 start-up " + InterfaceFirmware.Drivers.Tpa6130a2.Tpa6130a2Sequences.StartupMs
                + " ms); the rest is the firmware's fade-in from the boot cap. Peer: Linux wm8960.c probe is a reset + 10 VU-latch writes, then 5 bias writes with a 100 ms VMID ramp before DAPM powers the path");
        }

        private static string BusMs(long bits, int hz)
        {
            return (bits * 1000.0 / hz).ToString("F2", CultureInfo.InvariantCulture);
        }
    }
}
