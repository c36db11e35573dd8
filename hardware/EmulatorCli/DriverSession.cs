using System;
using System.IO;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.EmulatorCli
{
    /// <summary>
    /// The scripted session, in virtual time: on the reference board a computer attached, the chip
    /// drivers bringing the codec and the headphone amplifier up without a pop, playback blended
    /// with the zero-latency monitor, volume steps, mute, and a clean power-down; on the Audio Kit
    /// and the LyraT the same with the ESP32 as clock master and player, and a mono line input monitored in both
    /// ears through the ES8388's cross-feed. It prints what the device does (its log, as it
    /// happens) and what the listener would have heard (pops). The firmware's control loop,
    /// buttons and modes replace the script as they arrive.
    /// </summary>
    public sealed class DriverSession
    {
        private const int TickMs = 5;

        private readonly VirtualBoard _board;
        private readonly TextWriter _out;
        private readonly IAudioCodec _codec;
        private readonly IHeadphoneAmplifier _amplifier;
        private int _logPrinted;
        private int _headphones;

        /// <param name="description">The board: the reference board, or an ES8388 dev board (Audio Kit, LyraT).</param>
        public DriverSession(TextWriter output, BoardDescription description)
        {
            _out = output;
            _board = new VirtualBoard(description, 1);
            _board.Bus.LogEnabled = true;
            _board.MainJack.Record(true);
            if (description.Codec == CodecKind.Es8388)
            {
                _codec = new Es8388Codec(_board.Bus, _board.Description.CodecAddress, _board.Log);
            }
            else
            {
                _codec = new Wm8960Codec(_board.Bus, _board.Description.CodecAddress, _board.Log);
                _amplifier = new Tpa6130a2Amplifier(_board.Bus, _board.Description.AmplifierAddress, _board.AmplifierShutdown, _board.Log);
            }
        }

        public VirtualBoard Board
        {
            get { return _board; }
        }

        /// <summary>Runs the script; returns the number of pop events heard (0 is the goal).</summary>
        public int Run()
        {
            if (_amplifier != null)
            {
                SetUpReferenceBoard();
            }
            else
            {
                SetUpEs8388Board();
            }

            Say("codec on (bias soft start, settle), outputs up muted");
            _codec.RequestPowerState(CodecPowerState.On, Now);
            RunUntilIdle();
            if (_amplifier != null)
            {
                Say("amplifier on, on silent outputs");
                Say("amplifier volume " + Db(_amplifier.SetVolume(0)));
                _amplifier.SetEnabled(true, Now);
                RunUntilIdle();
            }

            Say("un-mute: monitor stepped up, playback soft-ramped");
            _codec.SetMuted(false, Now);
            RunUntilIdle();
            Run(1000);

            if (_codec.Capabilities.ZeroCrossVolume)
            {
                Say("headphone volume down 6 dB in 1 dB steps (zero-cross latched, 2 writes each)");
                for (int i = 1; i <= 6; i++)
                {
                    _codec.SetHeadphoneVolume(StereoGain.Both(_headphones - i * 100));
                    Run(100);
                }
            }
            else
            {
                // No zero-cross on this codec's output volume: live changes go to the DAC, which ramps.
                Say("playback volume down 6 dB in 1 dB steps on the DAC (the chip ramps each; its output volume has no zero-cross)");
                for (int i = 1; i <= 6; i++)
                {
                    _codec.SetDacVolume(StereoGain.Both(-i * 100));
                    Run(100);
                }
            }

            Run(500);
            Say("mute, wait, un-mute");
            _codec.SetMuted(true, Now);
            RunUntilIdle();
            Run(500);
            _codec.SetMuted(false, Now);
            RunUntilIdle();
            Run(1000);

            Say(_amplifier != null ? "power down: codec muted, amplifier off, codec off" : "power down: codec muted, codec off");
            _codec.SetMuted(true, Now);
            RunUntilIdle();
            if (_amplifier != null)
            {
                _amplifier.SetEnabled(false, Now);
                RunUntilIdle();
            }

            _codec.RequestPowerState(CodecPowerState.Off, Now);
            RunUntilIdle();
            Run(1000);

            Say("I2C: " + _board.Bus.TransactionCount + " transactions, " + _board.Bus.RedundantWriteCount + " redundant");
            Say("pops heard: " + _board.PopEvents.Count);
            foreach (PopEvent e in _board.PopEvents)
            {
                Say("  " + e);
            }

            return _board.PopEvents.Count;
        }

        private void SetUpReferenceBoard()
        {
            Say("reference board: WM8960 codec, TPA6130A2 amplifier; a computer is plugged in");
            _board.ConnectComputer();
            Run(600);
            _board.Usb.StartPlayback(48000, SineSource.AtDbfs(440, -12), SineSource.AtDbfs(440, -12));
            _board.SetInput("input-1", SineSource.AtDbfs(660, -24));
            _board.SetInput("input-2", SineSource.AtDbfs(880, -24));
            Say("the computer plays 440 Hz at −12 dBFS; a guitar (660 Hz) and a voice (880 Hz) on the inputs");

            Check(_codec.Start(Now), "codec start");
            Check(_amplifier.Probe(out int revision), "amplifier probe");
            Say(_amplifier.Name + " revision " + revision);
            Check(_amplifier.Start(Now), "amplifier start");
            Check(_codec.ConfigureClocks(_board.Usb.SampleRate, (int)_board.Usb.MclkHz), "clocks");
            _codec.SelectInputs(InputSource.Input1, InputSource.Input1);
            Report("input gain", _codec.SetInputGain(StereoGain.Both(1200)));
            _headphones = -1200;
            Report("headphones", _codec.SetHeadphoneVolume(StereoGain.Both(_headphones)));
            MonitorGains monitor = _codec.SetMonitor(MonitorGains.Straight(-600));
            Say("monitor " + Db(monitor.LeftToLeft) + " / " + Db(monitor.RightToRight) + " (straight: the WM8960 has no cross-feed)");
        }

        private void SetUpEs8388Board()
        {
            bool lyraT = _board.Description.Name == "lyrat";
            Say((lyraT ? "ESP32-LyraT" : "ESP32-A1S Audio Kit") + ": ES8388 codec, no USB audio; on a charger, the ESP32 clocks the codec");
            _board.CodecClock.Start(48000, 256);
            _board.CodecClock.PlaybackLeft = SineSource.AtDbfs(440, -12);
            _board.CodecClock.PlaybackRight = SineSource.AtDbfs(440, -12);
            _board.SetInput(lyraT ? "aux-left" : "line-left", SineSource.AtDbfs(660, -24));
            Say("the ESP32 plays 440 Hz at −12 dBFS; a mono guitar (660 Hz) on the left line input");
            Run(100);

            Check(_codec.Start(Now), "codec start");
            Check(_codec.ConfigureClocks(48000, 48000 * 256), "clocks");
            _codec.SelectInputs(InputSource.Input2, InputSource.Input2);
            _headphones = -600;
            Report("headphones", _codec.SetHeadphoneVolume(StereoGain.Both(_headphones)));
            MonitorGains request = MonitorGains.Off();
            request.LeftToLeft = -600;
            request.LeftToRight = -600;
            MonitorGains monitor = _codec.SetMonitor(request);
            Say("monitor, mono input centred: left ear " + Db(monitor.LeftToLeft) + ", right ear " + Db(monitor.LeftToRight) + " (the ES8388's cross-feed)");
        }

        private long Now
        {
            get { return _board.Clock.NowMs; }
        }

        private void Run(int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += TickMs)
            {
                _codec.Tick(Now);
                if (_amplifier != null)
                {
                    _amplifier.Tick(Now);
                }

                _board.RunMs(TickMs);
                PrintLog();
            }
        }

        private void RunUntilIdle()
        {
            do
            {
                Run(TickMs);
            }
            while (_codec.Busy || (_amplifier != null && _amplifier.Busy));
        }

        private void PrintLog()
        {
            while (_logPrinted < _board.Log.Entries.Count)
            {
                var entry = (LogEntry)_board.Log.Entries[_logPrinted++];
                _out.WriteLine(Stamp(entry.TimeMs) + entry.Source + ": " + entry.Message);
            }
        }

        private void Say(string text)
        {
            PrintLog();
            _out.WriteLine(Stamp(Now) + text);
        }

        private void Report(string what, StereoGain set)
        {
            Say(what + " " + Db(set.Left) + " / " + Db(set.Right));
        }

        private void Check(DriverStatus status, string what)
        {
            if (status != DriverStatus.Ok)
            {
                Say(what + ": " + status);
            }
        }

        private static string Db(int centiDb)
        {
            return centiDb == GainScale.Muted ? "muted" : (centiDb / 100.0).ToString("+0.##;−0.##;0") + " dB";
        }

        private static string Stamp(long ms)
        {
            return "[" + (ms / 1000.0).ToString("0.000").PadLeft(7) + " s] ";
        }
    }
}
