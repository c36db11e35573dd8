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
        private string _state;
        private long _stateSinceMs;
        private long _stateUnprintedSinceMs = -1;
        private int _faults;

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

                s.Append(" │ ");
            }

            if (profile.Jacks.Length > 1)
            {
                s.Append("keys → ").Append(profile.Jacks[device.State.SelectedJack].Name).Append(" │ ");
            }

            s.Append("monitor ").Append(MonitorName(device.Targets(0).MonitorMode)).Append(", ").Append(Blend(device.Settings.Blend)).Append(" │ ");
            s.Append(device.State.UsbMode ? "USB" : "standalone").Append(" │ LEDs");
            int indications = device.Indications;
            for (int led = 0; led < profile.Leds.Length; led++)
            {
                s.Append(led == 0 ? " " : ", ").Append(profile.Leds[led].Name).Append(' ').Append(PatternName(device.Leds.PatternOf(led, indications)));
            }

            return s.ToString();
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
        private static string Blend(int blend)
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
                default: return "pattern 0x" + pattern.ToString("X4", CultureInfo.InvariantCulture);
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

        private void QueueState(long timeMs)
        {
            Queue(timeMs, Stamp(timeMs) + "= " + _state);
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
