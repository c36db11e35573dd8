using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Modes;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.EmulatorCli.Session
{
    /// <summary>
    /// What the device did, in time order, as readable lines: the script's commands (<c>▶</c>),
    /// the firmware's and drivers' log (faults marked <c>FAULT</c>), and the device's state
    /// (<c>=</c>: each jack's level, mute, monitor mode and blend, the LEDs' patterns) each time
    /// it settles after a change, then a summary. Printed as it happens and kept for the
    /// timeline file.
    /// </summary>
    public sealed class Timeline
    {
        /// <summary>A state row is printed once the state has held this long (a held key's sweep is one row).</summary>
        public const int SettleMs = 250;

        /// <summary>…or at least this often while it keeps changing.</summary>
        public const int RefreshMs = 1000;

        private readonly TextWriter _live;
        private readonly StringBuilder _text = new StringBuilder();
        private readonly List<Entry> _pending = new List<Entry>();
        private int _logSeen;
        private int _sequence;
        private string _printedState;
        private InterfaceDevice _device;
        private string _state;
        private long _stateSinceMs;
        private long _stateUnprintedSinceMs = -1;
        private int _faults;
        private int _pulsesSeen;
        private bool _bankWasOn = true;
        private InterfaceDevice _pulsesOf;

        public Timeline(TextWriter live)
        {
            _live = live;
        }

        /// <summary>Everything printed so far.</summary>
        public string Text
        {
            get { return _text.ToString(); }
        }

        public void Header(string text)
        {
            Print(text);
        }

        /// <summary>After each tick: new log lines, and the state once it settles.</summary>
        public void Observe(VirtualBoard board, InterfaceDevice device, BoardProfile profile)
        {
            long nowMs = board.Clock.NowMs;
            CollectLog(board);
            WatchPower(board, device, nowMs);
            _device = device;
            string state = State(board, device, profile);
            if (state != _state)
            {
                _state = state;
                _stateSinceMs = nowMs;
                if (_stateUnprintedSinceMs < 0)
                {
                    _stateUnprintedSinceMs = nowMs;
                }
            }

            if (_state != _printedState)
            {
                if (nowMs - _stateSinceMs >= SettleMs)
                {
                    QueueState(_stateSinceMs);
                }
                else if (nowMs - _stateUnprintedSinceMs >= RefreshMs)
                {
                    QueueState(nowMs);
                }
            }

            Release(nowMs - SettleMs);
        }

        /// <summary>A script line, as it runs.</summary>
        public void Command(long timeMs, ScriptStep step)
        {
            Flush(timeMs);
            string text = step.Verb == Verb.Say ? step.Name : step.Command + "   (line " + step.Line + ")";
            Print(Stamp(timeMs) + (step.Verb == Verb.Say ? "» " : "▶ ") + text);
        }

        public void Failed(long timeMs, string message)
        {
            Flush(timeMs);
            Print(Stamp(timeMs) + "✗ expectation failed: " + message);
        }

        /// <summary>Prints everything held back, the state included.</summary>
        public void Flush(long nowMs)
        {
            if (_state != null && _state != _printedState)
            {
                QueueState(_stateSinceMs);
            }

            Release(nowMs);
        }

        public void Summary(VirtualBoard board, TimeSpan wall)
        {
            CollectLog(board);
            Release(long.MaxValue);
            double virtualSeconds = board.Clock.NowMs / 1000.0;
            Print(string.Empty);
            Print("summary");
            Print("  virtual time   " + virtualSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s in "
                + wall.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s of wall time ("
                + (virtualSeconds / Math.Max(wall.TotalSeconds, 1e-3)).ToString("0", CultureInfo.InvariantCulture) + "× real time)");
            Print("  I2C            " + board.Bus.TransactionCount + " transactions, " + board.Bus.RedundantWriteCount + " redundant writes");
            var heard = Boards.Pops(board, true);
            Print("  pops heard     " + heard.Count);
            foreach (PopEvent e in heard)
            {
                Print("                 " + e);
            }

            var probed = Boards.Pops(board, false);
            if (probed.Count > 0)
            {
                Print("  at probes      " + probed.Count + " (the emulator's probes inside the board, not at a jack)");
                foreach (PopEvent e in probed)
                {
                    Print("                 " + e);
                }
            }

            Print("  faults logged  " + _faults);
        }

        // ---- state ---------------------------------------------------------------------------------

        /// <summary>The device's state in one line (changes when anything a listener or a look at the LEDs would notice changes).</summary>
        public static string State(VirtualBoard board, InterfaceDevice device, BoardProfile profile)
        {
            if (device == null || !board.Powered)
            {
                return board.Powered ? "firmware not running" : "no power";
            }

            var s = new StringBuilder();
            if (device.State.Phase != DevicePhase.Running)
            {
                s.Append(device.State.Phase == DevicePhase.Booting ? "booting │ " : "fault │ ");
            }

            if (device.State.Fault)
            {
                s.Append("FAULT │ ");
            }

            for (int j = 0; j < profile.Jacks.Length; j++)
            {
                JackSettings settings = device.Settings.Jacks[j];
                var targets = device.Targets(j);
                s.Append(profile.Jacks[j].Name).Append(' ');
                if (targets.Silent)
                {
                    s.Append(SilentReason(device, profile, j)).Append(" (level ").Append(InterfaceDevice.Db(settings.LevelCentiDb)).Append(')');
                }
                else
                {
                    s.Append(InterfaceDevice.Db(settings.LevelCentiDb));
                    if (targets.MonitorLevelCentiDb != GainScale.Muted)
                    {
                        s.Append(" (monitor ").Append(InterfaceDevice.Db(targets.MonitorLevelCentiDb)).Append(')');
                    }
                }

                if (settings.Range != HeadphoneRange.Normal)
                {
                    s.Append(settings.Range == HeadphoneRange.High ? " [high range]" : " [in-ear range]");
                }

                string eq = EqText(device, j);
                if (eq != null)
                {
                    s.Append(" [").Append(eq).Append(']');
                }

                s.Append(" │ ");
            }

            if (device.State.EqFocus >= 0)
            {
                int preset = device.Settings.Jacks[device.State.SelectedJack].EqPreset;
                s.Append("keys → ").Append(profile.Jacks[device.State.SelectedJack].Name).Append(' ').Append(device.EqPresets.Name(preset))
                    .Append(' ').Append(InterfaceFirmware.Firmware.Eq.EqLibrary.BandName(preset, device.State.EqFocus)).Append(" │ ");
            }
            else if (device.State.InputFocus >= 0)
            {
                s.Append("keys → input ").Append(device.State.InputFocus + 1).Append(" gain │ ");
            }
            else if (profile.Jacks.Length > 1)
            {
                s.Append("keys → ").Append(profile.Jacks[device.State.SelectedJack].Name).Append(" │ ");
            }

            s.Append("monitor ").Append(MonitorName(device.Targets(0).MonitorMode)).Append(", ").Append(Blend(device.Settings.Blend));
            if (device.Targets(0).MonitorMode == MonitorMode.Stereo && device.Planner(0).CanPan
                && (device.Settings.Pan[0] != -Settings.PanSteps || device.Settings.Pan[1] != Settings.PanSteps))
            {
                s.Append(", pan ").Append(Pan(device.Settings.Pan[0])).Append(" / ").Append(Pan(device.Settings.Pan[1]));
            }

            s.Append(" │ ");
            s.Append(Inputs(device));
            s.Append(ModeText(device));
            if (device.KeepAlive.Active)
            {
                s.Append(" + keep-alive");
            }

            s.Append(" │ LEDs");
            int indications = device.Indications;
            for (int led = 0; led < profile.Leds.Length; led++)
            {
                s.Append(led == 0 ? " " : ", ").Append(profile.Leds[led].Name).Append(' ').Append(PatternName(device.Leds.PatternOf(led, indications)));
            }

            return s.ToString();
        }

        /// <summary>USB or standalone and the rate, or the clock change in between.</summary>
        public static string ModeText(InterfaceDevice device)
        {
            if (!device.Live)
            {
                return device.State.Phase == DevicePhase.Booting ? "clocks starting" : "changing clocks (muted)";
            }

            return (device.Mode == DeviceMode.Usb ? "USB " : "standalone ") + Khz(device.SampleRate);
        }

        public static string Khz(int hz)
        {
            return (hz / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + " kHz";
        }

        // The input gains (and auto gain while it listens), when the board has an input section.
        private static string Inputs(InterfaceDevice device)
        {
            InputSection inputs = device.Inputs;
            if (inputs == null)
            {
                return string.Empty;
            }

            var s = new StringBuilder("input gain ");
            for (int c = 0; c < PeakMeter.Channels; c++)
            {
                s.Append(c == 0 ? string.Empty : " / ").Append(AutoGain.FormatDb(inputs.Gains.GainCentiDb(c)));
            }

            s.Append(" dB");
            if (inputs.AutoGain(0).Running || inputs.AutoGain(1).Running)
            {
                s.Append(" (auto gain listening)");
            }

            return s.Append(" │ ").ToString();
        }

        /// <summary>The input meters (held peaks, dBFS) as a suffix of a state row; empty without inputs.</summary>
        public static string Meters(InterfaceDevice device)
        {
            InputSection inputs = device == null ? null : device.Inputs;
            if (inputs == null)
            {
                return string.Empty;
            }

            var s = new StringBuilder(" │ peaks ");
            for (int c = 0; c < PeakMeter.Channels; c++)
            {
                s.Append(c == 0 ? string.Empty : " / ").Append(Dbfs(inputs.Meter.HeldCentiDb(c)));
                if (inputs.Meter.Clipping(c))
                {
                    s.Append(" CLIP");
                }
            }

            return s.Append(" dBFS").ToString();
        }

        public static string Dbfs(int centiDb)
        {
            return centiDb <= Firmware.Inputs.Dbfs.FloorCentiDb ? "-∞" : (centiDb / 100.0).ToString("0.0", CultureInfo.InvariantCulture);
        }

        /// <summary>Why the firmware keeps a jack silent.</summary>
        public static string SilentReason(InterfaceDevice device, BoardProfile profile, int jack)
        {
            JackState state = device.State.Jacks[jack];
            JackProfile jackProfile = profile.Jacks[jack];
            if (device.Codec(jackProfile.CodecIndex).Status != DriverStatus.Ok
                || (jackProfile.ThroughAmplifier && device.Amplifier != null && device.Amplifier.Status != DriverStatus.Ok))
            {
                return "fault";
            }

            if (device.State.Phase != DevicePhase.Running)
            {
                return "starting";
            }

            if (!state.Plugged)
            {
                return "unplugged";
            }

            if (state.Muted)
            {
                return "muted";
            }

            return state.AtFloor ? "below its range" : "silent";
        }

        public static string MonitorName(MonitorMode mode)
        {
            switch (mode)
            {
                case MonitorMode.Mono: return "mono";
                case MonitorMode.Stereo: return "stereo";
                default: return "off";
            }
        }

        // The blend as the two offsets the firmware applies (InterfaceDevice.PlanJack).
        public static string Blend(int blend)
        {
            int centre = Settings.BlendPositions / 2;
            if (blend == centre)
            {
                return "blend even";
            }

            if (blend == 0)
            {
                return "blend inputs only";
            }

            if (blend == Settings.BlendPositions)
            {
                return "blend playback only";
            }

            return blend < centre
                ? "blend toward inputs (playback −" + (centre - blend) + " dB)"
                : "blend toward playback (monitor −" + (blend - centre) + " dB)";
        }

        // An input's pan: "L5" hard left … "C" … "R5" hard right (JackPlanner.PanOffset has the law).
        public static string Pan(int pan)
        {
            return pan == 0 ? "C" : (pan < 0 ? "L" + (-pan) : "R" + pan);
        }

        /// <summary>Jack <paramref name="j"/>'s EQ preset and limiter ("EQ warm, limiter -22.5 dBV"), or null where its codec has no EQ.</summary>
        public static string EqText(InterfaceDevice device, int j)
        {
            if (device.Eq(j) == null)
            {
                return null;
            }

            JackSettings settings = device.Settings.Jacks[j];
            string text = "EQ " + device.EqPresets.Name(settings.EqPreset);
            return settings.LimiterCentiDbV == Settings.LimiterOff ? text : text + ", limiter " + InterfaceDevice.Db(settings.LimiterCentiDbV) + "V";
        }

        private static string PatternName(int pattern)
        {
            switch (pattern)
            {
                case 0: return "off";
                case LedPatterns.Solid: return "solid";
                case LedPatterns.FastBlink: return "fast blink";
                case LedPatterns.Blink: return "blink";
                case LedPatterns.SlowBlink: return "slow blink";
                case LedPatterns.OneFlash: return "one flash";
                case LedPatterns.TwoFlashes: return "two flashes";
                case LedPatterns.Heartbeat: return "heartbeat";
                case LedPatterns.SolidWithGap: return "solid with a gap";
                default:
                    for (int n = 3; n <= LedPatterns.Slots / 2; n++)
                    {
                        if (pattern == LedPatterns.Flashes(n))
                        {
                            return n.ToString(CultureInfo.InvariantCulture) + " flashes"; // an EQ preset's number
                        }
                    }

                    return "pattern 0x" + pattern.ToString("X4", CultureInfo.InvariantCulture);
            }
        }

        // ---- printing ------------------------------------------------------------------------------

        private void CollectLog(VirtualBoard board)
        {
            var entries = board.Log.Entries;
            while (_logSeen < entries.Count)
            {
                var entry = (LogEntry)entries[_logSeen++];
                bool fault = entry.Level == LogLevel.Error;
                _faults += fault ? 1 : 0;
                Queue(entry.TimeMs, Stamp(entry.TimeMs) + (fault ? "FAULT " : string.Empty) + entry.Source + ": " + entry.Message);
            }
        }

        // Keep-alive pulses and a power bank that gives up are events the firmware does not log.
        private void WatchPower(VirtualBoard board, InterfaceDevice device, long nowMs)
        {
            if (device != null)
            {
                if (device != _pulsesOf)
                {
                    _pulsesOf = device;
                    _pulsesSeen = 0;
                }

                int pulses = device.KeepAlive.Pulses;
                if (pulses != _pulsesSeen)
                {
                    _pulsesSeen = pulses;
                    Queue(nowMs, Stamp(nowMs) + "keep-alive: pulse " + pulses + " (" + board.Power.KeepAliveMilliamps.ToString("0", CultureInfo.InvariantCulture)
                        + " mA for " + (device.Settings.KeepAlivePulseMs / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s, every "
                        + (device.Settings.KeepAlivePeriodMs / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s, so the power bank stays on)");
                }
            }

            bool bankOn = board.Power.ConnectedKind != PowerSourceKind.PowerBank || board.Power.OutputOn;
            if (_bankWasOn && !bankOn)
            {
                _faults++;
                Queue(nowMs, Stamp(nowMs) + "FAULT power bank: switched itself off (the load stayed too light)");
            }

            _bankWasOn = bankOn;
        }

        private void QueueState(long timeMs)
        {
            Queue(timeMs, Stamp(timeMs) + "= " + _state + (_device != null && _state != null && !_state.StartsWith("no power", StringComparison.Ordinal) ? Meters(_device) : string.Empty));
            _printedState = _state;
            _stateUnprintedSinceMs = -1;
        }

        private void Queue(long timeMs, string text)
        {
            _pending.Add(new Entry(timeMs, _sequence++, text));
        }

        // Prints what happened up to untilMs, in time order.
        private void Release(long untilMs)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            _pending.Sort((a, b) => a.TimeMs != b.TimeMs ? a.TimeMs.CompareTo(b.TimeMs) : a.Sequence.CompareTo(b.Sequence));
            int released = 0;
            while (released < _pending.Count && _pending[released].TimeMs <= untilMs)
            {
                Print(_pending[released].Text);
                released++;
            }

            _pending.RemoveRange(0, released);
        }

        private void Print(string line)
        {
            _live.WriteLine(line);
            _text.Append(line).Append('\n');
        }

        internal static string Stamp(long ms)
        {
            return "[" + (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(7) + " s] ";
        }

        private readonly struct Entry
        {
            public Entry(long timeMs, int sequence, string text)
            {
                TimeMs = timeMs;
                Sequence = sequence;
                Text = text;
            }

            public long TimeMs { get; }

            public int Sequence { get; }

            public string Text { get; }
        }
    }
}
