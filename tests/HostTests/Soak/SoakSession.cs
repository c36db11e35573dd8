using System;
using System.Collections.Generic;
using System.Linq;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Planning;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>
    /// One randomized, seeded soak session: the firmware on an emulated board (the reference board
    /// for even seeds, the Audio Kit for odd ones) through episodes of overlapping disturbances —
    /// button storms, chatter and stuck keys, USB attach/detach and rate changes, power-source swaps,
    /// power cuts at any time and in the middle of a save, I2C NACK bursts and absent chips, brown-outs,
    /// amplifier thermal faults, jacks plugged and unplugged — each episode followed by a quiet phase in
    /// which every fault must be recovered within its stated time. The invariants are checked after every
    /// 5 ms step (see <see cref="SoakInvariants"/> for the statements). Everything follows from the seed:
    /// the same seed and event count replay the same session.
    /// </summary>
    internal sealed class SoakSession
    {
        // ---- stated recovery times (ms after the fault, or the last disturbance of its kind, ended) ----

        /// <summary>A chip that stopped answering: the longest back-off (8 s) until the next retry, then re-sync and fade-in (2.5 s).</summary>
        public const int NackRecoveryMs = 8000 + 2500;

        /// <summary>A brown-out: found by the next probe (500 ms), then re-sync and fade-in (2.5 s).</summary>
        public const int BrownOutRecoveryMs = 500 + 2500;

        /// <summary>Thermal: the last hot probe (≤ 500 ms after the die cooled), the 2 s wait, the probe after it (500 ms), re-sync and fade-in (2.5 s).</summary>
        public const int ThermalRecoveryMs = 500 + 2000 + 500 + 2500;

        /// <summary>Buttons and jacks: debounce, gesture timeouts, a muted range or monitor change and the fade-in.</summary>
        public const int ControlRecoveryMs = 3000;

        /// <summary>USB and power-source changes: the 2 s grace for a computer to enumerate, the clock change behind a mute, the fade-in.</summary>
        public const int ModeRecoveryMs = 2000 + 400 + 300 + 2500;

        /// <summary>A power-up: the chips' start, the 2 s grace for a computer, bias, power-on and the fade-in.</summary>
        public const int BootRecoveryMs = 6000;

        /// <summary>Output may exceed the current user level only by ramps down from a level the user had set this recently.</summary>
        public const int LevelLookbackMs = 300;

        /// <summary>Half a volume step.</summary>
        public const double LevelMarginDb = 0.25;

        /// <summary>Pop events this soon after rendering resumed are not judged: the detectors' state is stale (the emulator settles VMID and the capacitors itself).</summary>
        public const int RenderWarmUpMs = 300;

        public const double ToneDbfs = -6.0;
        private const int ToneHz = 1000;
        private const int StepMs = InterfaceDevice.TickMs;
        private const int WindowSamples = 480; // 10 ms: ten whole periods of the tone
        private static readonly int[] Rates = { 8000, 11025, 16000, 22050, 32000, 44100, 48000 };
        private static readonly double[] Cos = Enumerable.Range(0, 48).Select(k => Math.Cos(2 * Math.PI * k / 48.0)).ToArray();
        private static readonly double[] Sin = Enumerable.Range(0, 48).Select(k => Math.Sin(2 * Math.PI * k / 48.0)).ToArray();
        private readonly double[] _window = new double[WindowSamples];

        private readonly int _seed;
        private readonly int _targetEvents;
        private readonly double _audioFraction;
        private readonly DeterministicRandom _random;
        private readonly string _boardName;
        private readonly BoardProfile _profile;
        private readonly SettingsFlash _flash = new SettingsFlash(4, 256);
        private readonly SoakStore _store;
        private readonly SoakReport _report = new SoakReport();
        private readonly int[] _chips;
        private readonly List<Pending> _pending = new List<Pending>();
        private readonly List<Disturbance> _episode = new List<Disturbance>();
        private readonly List<Allowance> _allowances = new List<Allowance>();
        private readonly HashSet<int> _exemptChips = new HashSet<int>();

        // A chip that browned out holds its reset values until the firmware's probe finds it (up to
        // its period later): a write meanwhile of a value that happens to be the reset value is not
        // the firmware's doing. Exempt until then, past the end of its episode.
        private readonly Dictionary<int, long> _exemptUntilMs = new Dictionary<int, long>();

        private VirtualBoard _board;
        private InterfaceDevice _device;
        private long _sessionBaseMs; // session time of the current board's time 0
        private bool _plugged = true;
        private string _source = "charger";
        private bool _audio;
        private long _renderingSinceMs;
        private bool _cutRequested;
        private int _popsSeen;
        private int[] _redundantSeen;
        private bool[] _wasPlugged;
        private Queue<(long Ms, int Level)>[] _levels;
        private long[] _troubleSinceMs; // a chip under the jack not answering since (-1: none)
        private long[] _troubleEndedMs;
        private int[] _heldLevel; // the highest user level the unanswering chip may still hold
        private Allowance[] _troubleAllowance;
        private long _stepsSinceEval;
        private bool _checkedBootCap;
        private int _exceptionsSeen;
        private long _events;
        private long _eventsAtEpisodeStart;
        private readonly Queue<string> _trace = new Queue<string>();
        private int _logSeen;
        private long _lastResyncMs = long.MinValue / 2;
        private string _resyncCause = "none";
        private long _earlierDeadlineMs = long.MinValue / 2;

        /// <summary>
        /// Known firmware failure (reported, see the README's test section): pops, a louder jack, a
        /// jack that does not recover, redundant writes, within 3 s of a chip of this board stopping
        /// to answer or being re-synced (after a NACK burst, an absence, a brown-out or a thermal
        /// shutdown). SOAK_STRICT=1 counts them as violations.
        /// </summary>
        public const int ResyncKnownFailureMs = 3000;

        public SoakSession(int seed, int events, double audioFraction)
        {
            _seed = seed;
            _targetEvents = events;
            _audioFraction = audioFraction;
            _random = new DeterministicRandom(seed);
            _boardName = BoardFor(seed);
            _profile = BoardProfiles.ByName(_boardName);
            _store = new SoakStore(_flash, _profile.Jacks.Length);
            _chips = _profile.AmplifierAddress >= 0
                ? _profile.Codecs.Select(c => c.Address).Concat(new[] { _profile.AmplifierAddress }).ToArray()
                : _profile.Codecs.Select(c => c.Address).ToArray();
            _report.Sessions = 1;
        }

        public string BoardName => _boardName;

        /// <summary>The board a seed runs on: the reference board, the Audio Kit and the portable board in turn (SOAK_BOARD overrides, for a replay).</summary>
        public static string BoardFor(int seed)
        {
            string forced = Environment.GetEnvironmentVariable("SOAK_BOARD");
            if (!string.IsNullOrEmpty(forced))
            {
                return forced;
            }

            switch (((seed % 3) + 3) % 3)
            {
                case 0: return "reference";
                case 1: return "audiokit";
                default: return "portable";
            }
        }

        public SoakReport Report => _report;

        private long NowMs => _sessionBaseMs + _board.Clock.NowMs;

        private bool HasUsb => _profile.HasUsbBridge;

        /// <summary>Runs the session to its event count; the violations are in <see cref="Report"/>.</summary>
        public SoakReport Run()
        {
            _source = HasUsb && _random.Chance(0.5) ? "computer" : "charger";
            PowerUp(first: true);
            while (_events < _targetEvents)
            {
                RunEpisode();
            }

            _report.Events = _events;
            _report.VirtualMs = NowMs;
            return _report;
        }

        // ---- episodes -----------------------------------------------------------------------------

        private void RunEpisode()
        {
            _report.Episodes++;
            if (I2cTraceLines > 0)
            {
                _board.Bus.ClearLog();
            }

            _eventsAtEpisodeStart = _events;
            SetRendering(_random.Chance(_audioFraction));
            Trace("episode " + _report.Episodes);
            int count = 1 + _random.Next(24);
            for (int i = 0; i < count && _events < _targetEvents; i++)
            {
                RunFor(Gap());
                InjectRandomEvent();
            }

            RunFor(_random.Next(400));
            EndEverything();
            Trace("quiet");
            Quiet();
        }

        // Mostly quick succession (a storm), sometimes a pause.
        private int Gap()
        {
            int draw = _random.Next(100);
            if (draw < 50) return 5 + _random.Next(120);
            if (draw < 90) return 100 + _random.Next(900);
            return 1000 + _random.Next(4000);
        }

        // Every fault and held key ends now; an armed cut that never found a save is disarmed.
        private void EndEverything()
        {
            _store.Disarm();
            foreach (Pending p in _pending.ToList())
            {
                p.Action();
            }

            _pending.Clear();
            if (!_board.Powered)
            {
                Reboot("bank switched off");
            }
        }

        // No new disturbance: the device must become healthy by the latest stated recovery time.
        private void Quiet()
        {
            // A disturbance of an earlier episode keeps its stated time (a brown-out the next probe
            // finds, a gesture decided after its keys were released: the device looked healthy before).
            long deadline = Math.Max(_episode.Count == 0 ? NowMs : _episode.Max(d => d.EndMs + d.BoundMs), _earlierDeadlineMs);
            long lastEnd = _episode.Count == 0 ? NowMs : _episode.Max(d => d.EndMs);

            // The kind whose stated time bounds the episode, and when the device was first healthy
            // after it ended (the loop below may go on for a fault that ends later, under its shadow).
            Disturbance binding = _episode.Count == 0 ? null : _episode.OrderByDescending(d => d.EndMs + d.BoundMs).First();
            long healthyAfterBindingMs = -1;

            // A fault runs its course (a NACK burst the firmware has not met yet ends at its time):
            // the episode is over, and its chips' exemptions with it, only once every fault has ended.
            while (true)
            {
                bool healthy = Healthy();
                if (healthy && binding != null && healthyAfterBindingMs < 0 && NowMs >= binding.EndMs)
                {
                    healthyAfterBindingMs = NowMs;
                }
                else if (!healthy)
                {
                    healthyAfterBindingMs = -1; // unhealthy again: recovered only from the next healthy step on
                }

                if (healthy && NowMs >= lastEnd)
                {
                    break;
                }

                if (NowMs > deadline)
                {
                    Violate("recovery", () => (_episode.Count == 0 ? "not healthy with no disturbance in this episode"
                        : "not recovered " + (NowMs - _episode.Max(d => d.EndMs)) + " ms after the last disturbance ended") + " (deadline passed by "
                        + (NowMs - deadline) + " ms): " + string.Join(", ", _episode.Select(d => d.Kind + " ended " + d.EndMs + " (bound " + d.BoundMs + ")").Distinct()) + "; " + Describe());
                    break;
                }

                Step();
            }

            if (Healthy() && _episode.Count > 0)
            {
                // Every fault of the episode is recovered now; the time counts for the kind whose
                // stated time bound the episode (the others ended earlier, under its shadow), from
                // its end to the device's first healthy step after it that lasted.
                _report.Recoveries += _episode.Count(d => d.IsFault);
                long healthyAt = healthyAfterBindingMs >= 0 ? healthyAfterBindingMs : NowMs;
                _report.Worst(_report.WorstRecoveryMs, binding.Kind + " (stated " + binding.BoundMs + ")", Math.Max(0, healthyAt - binding.EndMs));
            }

            Trace("healthy");
            _earlierDeadlineMs = deadline;
            _episode.Clear();
            _exemptChips.Clear();
            RunFor(_random.Next(500));
        }

        private bool Healthy()
        {
            if (!_board.Powered || _device.State.Phase != DevicePhase.Running || !_device.Live || _device.State.Fault)
            {
                return false;
            }

            for (int j = 0; j < _profile.Jacks.Length; j++)
            {
                JackTargets targets = _device.Targets(j);
                if (!targets.Silent && !_device.Output(j).AtTargets(targets))
                {
                    return false;
                }
            }

            // no chip still running a sequence (a re-sync is done when its flush and power-up are)
            for (int i = 0; i < _profile.Codecs.Length; i++)
            {
                if (_device.Codec(i).Busy)
                {
                    return false;
                }
            }

            return _device.Amplifier == null || !_device.Amplifier.Busy;
        }

        private string Describe()
        {
            string text = "phase " + _device.State.Phase + ", live " + _device.Live + ", fault " + _device.State.Fault + ", mode " + _device.Mode + " " + _device.SampleRate + " Hz";
            for (int j = 0; j < _profile.Jacks.Length; j++)
            {
                JackTargets t = _device.Targets(j);
                text += "; " + JackText(j) + ", at targets " + _device.Output(j).AtTargets(t) + ", monitor applied " + _device.Output(j).Applied.MonitorMode + " planned " + t.MonitorMode;
            }

            return text + "; last log: " + LastLog(4);
        }

        private string JackText(int j)
        {
            JackTargets t = _device.Targets(j);
            JackTargets a = _device.Output(j).Applied;
            return "jack " + j + " planned: silent " + t.Silent + ", playback " + t.PlaybackCentiDb + " (hp " + t.HeadphoneCentiDb + ", dac " + t.DacCentiDb
                + ", monitor " + t.MonitorLevelCentiDb + "), applied hp " + a.HeadphoneCentiDb + " dac " + a.DacCentiDb + ", open " + _device.Output(j).Open
                + ", muted " + _device.State.Jacks[j].Muted + ", at floor " + _device.State.Jacks[j].AtFloor + ", codec muted " + _device.Codec(_profile.Jacks[j].CodecIndex).Muted;
        }

        private static readonly int ExtraLogLines = int.TryParse(Environment.GetEnvironmentVariable("SOAK_LOG_LINES"), out int n) ? n : 0;

        private static readonly int I2cTraceLines = int.TryParse(Environment.GetEnvironmentVariable("SOAK_I2C_LINES"), out int n) ? n : 0;

        // Debugging aid (SOAK_I2C_LINES=n): the last n I2C transactions, with the violation.
        private string LastI2c()
        {
            if (I2cTraceLines <= 0)
            {
                return string.Empty;
            }

            var log = _board.Bus.Log;
            var text = new List<string>();
            for (int i = Math.Max(0, log.Count - I2cTraceLines); i < log.Count; i++)
            {
                var t = (I2cTransaction)log[i];
                string bytes = t.Written.Length == 2 && t.Device.StartsWith("WM8960")
                    ? "R" + (t.Written[0] >> 1) + "=0x" + (((t.Written[0] & 1) << 8) | t.Written[1]).ToString("X3")
                    : BitConverter.ToString(t.Written) + (t.Read.Length > 0 ? " -> " + BitConverter.ToString(t.Read) : string.Empty);
                text.Add((t.TimeUs / 1000) + " ms " + t.Device + " " + bytes + (t.Status != Hal.I2cStatus.Ok ? " " + t.Status : string.Empty));
            }

            foreach (CodecModel codec in _board.Codecs)
            {
                string regs = codec is Wm8960Model w ? " R25=0x" + w.Register(25).ToString("X3") + " R26=0x" + w.Register(26).ToString("X3") + " R47=0x" + w.Register(47).ToString("X3")
                    + " R4=0x" + w.Register(4).ToString("X3") + " adc fs " + w.AdcSampleRate + " dac fs " + w.DacSampleRate + " sysclk " + w.SysclkHz : string.Empty;
                text.Add(codec.Name + regs + " clock problem: " + codec.ClockProblem + "; adc tap rate " + _board.AdcTap.SampleRate);
            }

            text.Add("envelope (5 ms: min/mean/max) of the last 600 ms:");
            foreach (HeadphoneOutput output in new[] { _board.MainJack, _board.SecondJack })
            {
                if (output == null)
                {
                    continue;
                }

                SignalRecorder recorder = output.Recorder(true);
                long end = recorder.FirstSample + recorder.Length; // what was recorded (nothing while not rendering)
                for (long from = Math.Max(recorder.FirstSample, end - 28800); from + 240 <= end && recorder.FirstSample >= 0; from += 240)
                {
                    double min = double.MaxValue, max = double.MinValue, sum = 0;
                    for (long k = from; k < from + 240; k++)
                    {
                        double v = recorder.At(k);
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                        sum += v;
                    }

                    text.Add(output.Name + " " + (AudioEngine.TimeOfSampleUs(from) / 1000) + " ms " + min.ToString("F5") + " " + (sum / 240).ToString("F5") + " " + max.ToString("F5"));
                }
            }

            return "\n    I2C:\n      " + string.Join("\n      ", text);
        }

        private string LastLog(int lines)
        {
            lines += ExtraLogLines;
            var entries = _board.Log.Entries;
            var text = new List<string>();
            for (int i = Math.Max(0, entries.Count - lines); i < entries.Count; i++)
            {
                text.Add(entries[i].ToString());
            }

            return string.Join(" | ", text);
        }

        // ---- events -------------------------------------------------------------------------------

        private void InjectRandomEvent()
        {
            int draw = _random.Next(100);
            if (draw < 30) Buttons();
            else if (draw < 36) Chatter();
            else if (draw < 40) Stuck();
            else if (draw < 48) Jack();
            else if (draw < 56) SwapSource();
            else if (draw < 62) RateChange();
            else if (draw < 64) PowerCut();
            else if (draw < 67) ArmCutDuringSave();
            else if (draw < 77) NackBurst();
            else if (draw < 81) NackProbability();
            else if (draw < 85) Absent();
            else if (draw < 92) BrownOut();
            else Thermal();
        }

        private void Count(string kind)
        {
            Trace(kind);
            _events++;
            _report.Count(_report.EventsByKind, kind);
        }

        private void Fault(string kind)
        {
            Count(kind);
            _report.Count(_report.FaultsByKind, kind);
        }

        private string RandomButton()
        {
            return _profile.Buttons[_random.Next(_profile.Buttons.Length)].Name;
        }

        // Presses: short taps (clicks, double clicks), long presses and holds (repeats), and combos.
        private void Buttons()
        {
            string name = RandomButton();
            int kind = _random.Next(4);
            int hold = kind == 0 ? 20 + _random.Next(150) : kind == 1 ? 500 + _random.Next(1500) : 20 + _random.Next(600);
            _board.Button(name).Press(hold);
            if (kind == 3)
            {
                // a second key while the first is down: a combo (or a long combo)
                string other = RandomButton();
                if (other != name)
                {
                    _board.Button(other).Press(50 + _random.Next(1800));
                    hold = Math.Max(hold, 1900);
                }
            }

            Count(kind == 3 ? "button combo" : "button press");
            Disturb("buttons", hold, ControlRecoveryMs, false);
        }

        private void Chatter()
        {
            int duration = 20 + _random.Next(800);
            _board.Button(RandomButton()).Chatter(duration, 1 + _random.Next(20));
            Count("button chatter");
            Disturb("buttons", duration, ControlRecoveryMs, false);
        }

        private void Stuck()
        {
            Button button = _board.Button(RandomButton());
            if (button.IsPressed)
            {
                return;
            }

            button.PressAndHold();
            VirtualBoard board = _board;
            int duration = 2000 + _random.Next(15000);
            Count("button stuck");
            Later(duration, "buttons", ControlRecoveryMs, false, () =>
            {
                if (board == _board)
                {
                    button.Release();
                }
            });
        }

        // Plug or unplug the main jack; sometimes a plug that bounces or is pulled and pushed back at once.
        private void Jack()
        {
            int kind = _random.Next(3);
            if (kind == 0)
            {
                SetPlugged(!_plugged);
                Count(_plugged ? "jack plugged" : "jack unplugged");
            }
            else if (kind == 1)
            {
                // contact chatter of a plug going in or out: toggles within 1 … 40 ms, ending in a random state
                bool end = _random.Chance(0.5);
                long t = _board.Clock.NowUs;
                int toggles = 2 + _random.Next(12);
                bool level = _plugged;
                VirtualBoard board = _board;
                for (int i = 0; i < toggles; i++)
                {
                    t += 1000 + _random.Next(40000);
                    level = i == toggles - 1 ? end : !level;
                    bool at = level;
                    board.Clock.Schedule(t, now => { if (board == _board) SetPlugged(at); });
                }

                AllowPopsOnMain("jack contact", 0, (t - _board.Clock.NowUs) / 1000 + 30);
                Count("jack chatter");
            }
            else
            {
                // out and back in before the debounce decides (or just after)
                bool was = _plugged;
                SetPlugged(!was);
                int back = 5 + _random.Next(250);
                Later(back, "jack", ControlRecoveryMs, false, () => SetPlugged(was));
                Count("jack replug");
            }

            Disturb("jack", 300, ControlRecoveryMs, false);
        }

        private void SetPlugged(bool plugged)
        {
            if (plugged != _plugged)
            {
                AllowPopsOnMain("jack contact", 0, 30);
            }

            _plugged = plugged;
            _board.PlugHeadphones(plugged);
        }

        // Another 5 V source without a gap (a hub, a dual-input supply): a computer arriving or
        // leaving, a power bank, a charger.
        private void SwapSource()
        {
            string[] sources = { "computer", "bank", "charger" };
            string next = sources[_random.Next(3)];
            if (next == _source)
            {
                next = sources[(Array.IndexOf(sources, next) + 1) % 3];
            }

            if (_source == "computer" && _board.Usb.HostConfigured)
            {
                // the computer leaves without notice: its bridge stops the clocks under the live output
                AllowPopsOnAll("computer left without notice", 0, 600);
            }

            _board.Usb.Detach();
            ConnectSource(_board, next);
            _source = next;
            Count("source -> " + next);
            Disturb("source change", 0, ModeRecoveryMs, false);
        }

        private void ConnectSource(VirtualBoard board, string source)
        {
            switch (source)
            {
                case "computer": board.ConnectComputer(); break;
                case "bank": board.ConnectPowerBank(); break;
                default: board.ConnectCharger(); break;
            }
        }

        private void RateChange()
        {
            if (!HasUsb || !_board.Usb.HostConfigured)
            {
                SwapSource(); // no computer: bring one
                return;
            }

            _board.Usb.SetSampleRate(Rates[_random.Next(Rates.Length)]);
            Count("rate change");
            Disturb("rate change", _board.Usb.ClockNoticeMs, ModeRecoveryMs, false);
        }

        // The power goes at a random instant, stays away for up to 3 s, and comes back from a random source.
        private void PowerCut()
        {
            Count("power cut");
            _report.Count(_report.FaultsByKind, "power cut");
            _board.DisconnectPower();
            Reboot("power cut");
        }

        private void ArmCutDuringSave()
        {
            if (_store.CutArmed)
            {
                return;
            }

            _store.ArmCut(_random.Next(SettingsRecordLength() + 1));
            Count("cut armed for the next save");
        }

        private int SettingsRecordLength()
        {
            return new Firmware.Persistence.SettingsRecord(Firmware.Persistence.SettingsLayout.Current(), _profile.Jacks.Length).Length;
        }

        private int RandomChip()
        {
            return _chips[_random.Next(_chips.Length)];
        }

        private void NackBurst()
        {
            int chip = RandomChip();
            int duration = 1 + _random.Next(_random.Chance(0.5) ? 50 : 2500);
            var plan = _board.Bus.FaultsAt(chip);
            plan.NackFromUs = _board.Clock.NowUs;
            plan.NackUntilUs = _board.Clock.NowUs + duration * 1000L;
            Fault("nack burst" + " 0x" + chip.ToString("X2"));
            _exemptChips.Add(chip);
            Disturb("nack burst", duration, NackRecoveryMs, true);
        }

        private void NackProbability()
        {
            int chip = RandomChip();
            var plan = _board.Bus.FaultsAt(chip);
            plan.NackProbability = 0.02 + 0.5 * _random.NextDouble();
            Fault("nack probability" + " 0x" + chip.ToString("X2"));
            _exemptChips.Add(chip);
            Later(200 + _random.Next(5000), "nack probability", NackRecoveryMs, true, () => plan.NackProbability = 0);
        }

        private void Absent()
        {
            int chip = RandomChip();
            var plan = _board.Bus.FaultsAt(chip);
            plan.Absent = true;
            Fault("chip absent" + " 0x" + chip.ToString("X2"));
            _exemptChips.Add(chip);
            Later(300 + _random.Next(20000), "chip absent", NackRecoveryMs, true, () => plan.Absent = false);
        }

        // The WM8960 is write-only: the firmware cannot find its brown-out (a documented gap), so
        // brown-outs go to the chips it can read: the ES8388 and the TPA6130A2.
        private void BrownOut()
        {
            if (_board.Amplifier != null)
            {
                _board.Amplifier.BrownOut();
            }
            else if (_board.Es8388 != null)
            {
                _board.Es8388.BrownOut();
            }
            else
            {
                return;
            }

            int brownedOut = _board.Amplifier != null ? _profile.AmplifierAddress : _profile.Codecs[0].Address;
            _exemptChips.Add(brownedOut);
            _exemptUntilMs[brownedOut] = _board.Clock.NowMs + BrownOutRecoveryMs;
            AllowPopsOnMain("brown-out", 0, 600);
            Fault("brown-out");
            Disturb("brown-out", 0, BrownOutRecoveryMs, true);
        }

        private void Thermal()
        {
            Tpa6130a2Model amplifier = _board.Amplifier;
            if (amplifier == null)
            {
                BrownOut(); // the Audio Kit has no amplifier
                return;
            }

            amplifier.SetThermalOverload(true);
            AllowPopsOnMain("thermal shutdown", 0, 600);
            _exemptChips.Add(_profile.AmplifierAddress);
            Fault("thermal");
            VirtualBoard board = _board;
            Later(100 + _random.Next(6000), "thermal", ThermalRecoveryMs, true, () => amplifier.SetThermalOverload(false));
        }

        // ---- disturbances, endings, allowances ---------------------------------------------------

        private void Disturb(string kind, long durationMs, int boundMs, bool isFault)
        {
            _episode.Add(new Disturbance { Kind = kind, EndMs = NowMs + durationMs, BoundMs = boundMs, IsFault = isFault });
        }

        // Something that ends later (a fault, a held key): ends on its own at its time, or when the
        // episode ends, whichever comes first; the disturbance ends then.
        private void Later(long durationMs, string kind, int boundMs, bool isFault, Action end)
        {
            var disturbance = new Disturbance { Kind = kind, EndMs = long.MaxValue / 4, BoundMs = boundMs, IsFault = isFault };
            _episode.Add(disturbance);
            var pending = new Pending { DueMs = NowMs + durationMs };
            VirtualBoard board = _board;
            pending.Action = () =>
            {
                _pending.Remove(pending);
                disturbance.EndMs = NowMs;
                if (board == _board)
                {
                    end();
                    Trace(kind + " ends");
                }
            };
            _pending.Add(pending);
        }

        private void AllowPopsOnMain(string reason, long fromMs, long forMs)
        {
            Allow(reason, "main", fromMs, forMs);
        }

        private void AllowPopsOnAll(string reason, long fromMs, long forMs)
        {
            Allow(reason, string.Empty, fromMs, forMs);
        }

        private void Allow(string reason, string outputPrefix, long fromMs, long forMs)
        {
            long start = _board.Clock.NowUs + fromMs * 1000;
            _allowances.Add(new Allowance { Reason = reason, Prefix = outputPrefix, FromUs = start, UntilUs = start + forMs * 1000 });
        }

        // ---- power --------------------------------------------------------------------------------

        private void Reboot(string why)
        {
            long offMs = _random.Chance(0.3) ? 0 : _random.Next(3000);
            long cutMs = NowMs;
            foreach (Pending p in _pending.ToList())
            {
                p.Action(); // the faults of a board that is gone end with it
            }

            _pending.Clear();
            _sessionBaseMs = cutMs + offMs;
            _report.Count(_report.Notes, "reboots after " + why);
            Trace("rebooting after " + why + ", " + offMs + " ms off");
            string[] sources = HasUsb ? new[] { "computer", "bank", "charger" } : new[] { "bank", "charger" };
            _source = sources[_random.Next(sources.Length)];
            PowerUp(first: false);
        }

        private void PowerUp(bool first)
        {
            _board = new VirtualBoard(SoakRig.Description(_boardName), _random.Next(int.MaxValue), _flash);
            _board.Bus.LogEnabled = I2cTraceLines > 0;
            ConnectSource(_board, _source);
            _board.PlugHeadphones(_plugged);
            var tone = SineSource.AtDbfs(ToneHz, ToneDbfs);
            _board.CodecClock.PlaybackLeft = tone;
            _board.CodecClock.PlaybackRight = tone;
            _board.MainJack.Record(true);
            _board.SecondJack?.Record(true);
            _store.PowerCut = () =>
            {
                _cutRequested = true;
                _board.DisconnectPower();
            };
            _device = SoakRig.NewDevice(_board, _profile, _store);
            CheckLoadedSettings(first);
            _popsSeen = 0;
            _allowances.Clear();
            _exemptChips.Clear();
            _exemptUntilMs.Clear();
            _redundantSeen = new int[_chips.Length];
            _wasPlugged = new bool[_profile.Jacks.Length];
            _levels = Enumerable.Range(0, _profile.Jacks.Length).Select(_ => new Queue<(long, int)>()).ToArray();
            _troubleSinceMs = Enumerable.Repeat(-1L, _profile.Jacks.Length).ToArray();
            _troubleEndedMs = Enumerable.Repeat(long.MinValue / 2, _profile.Jacks.Length).ToArray();
            _heldLevel = new int[_profile.Jacks.Length];
            _troubleAllowance = new Allowance[_profile.Jacks.Length];
            _checkedBootCap = false;
            _exceptionsSeen = 0;
            _logSeen = 0;
            _lastResyncMs = long.MinValue / 2;
            _resyncCause = "none";
            _stepsSinceEval = 0;
            _board.Audio.Rendering = _audio;
            _renderingSinceMs = 0;
            _device.Start();
            Trace("power-up from " + _source + (_plugged ? ", plugged" : ", unplugged"));
            Disturb("power-up", 0, BootRecoveryMs, false);
        }

        // Settings after a power cut: the last completed save, or the one before (or the cut one, if
        // every byte of it landed before the power went).
        private void CheckLoadedSettings(bool first)
        {
            byte[] loaded = _store.PayloadOf(_device.Settings, _profile.Jacks.Length);
            var completed = _store.Completed;
            if (_store.TornButWhole != null && loaded.SequenceEqual(_store.TornButWhole))
            {
                _report.Count(_report.Notes, "boots with a cut save whose bytes had all landed");
            }
            else if (loaded.SequenceEqual(completed[completed.Count - 1]))
            {
                _report.Count(_report.Notes, "boots with the last completed save");
            }
            else if (completed.Count >= 2 && loaded.SequenceEqual(completed[completed.Count - 2]))
            {
                _report.Count(_report.Notes, "boots with the save before the last");
            }
            else
            {
                Violate("settings after a power cut", () => "loaded settings are neither the last completed save nor the one before ("
                    + (completed.Count - 1) + " saves completed): loaded " + BitConverter.ToString(loaded) + ", last " + BitConverter.ToString(completed[completed.Count - 1])
                    + ", before " + (completed.Count >= 2 ? BitConverter.ToString(completed[completed.Count - 2]) : "none") + "; " + LastLog(6));
            }
        }

        // ---- stepping and the continuous checks --------------------------------------------------

        private void SetRendering(bool on)
        {
            if (on && !_audio)
            {
                _renderingSinceMs = _board.Clock.NowMs;
            }

            _audio = on;
            _board.Audio.Rendering = on;
        }

        private void RunFor(long ms)
        {
            long until = NowMs + ms;
            while (NowMs < until)
            {
                Step();
            }
        }

        private void Step()
        {
            // endings due in this step, in time order
            foreach (Pending p in _pending.Where(p => p.DueMs <= NowMs).OrderBy(p => p.DueMs).ToList())
            {
                p.Action();
            }

            // A computer that has configured the bridge plays the tone too (the ESP32 plays it
            // standalone), so the jacks' levels are judged on a signal whoever plays.
            if (HasUsb && _board.Usb.HostConfigured && !_board.Usb.PlaybackActive)
            {
                var tone = SineSource.AtDbfs(ToneHz, ToneDbfs);
                _board.Usb.StartPlayback(UsbHostModel.IsSupportedRate(_board.Usb.SampleRate) ? _board.Usb.SampleRate : 48000, tone, tone);
            }

            _board.RunMs(StepMs);
            if (_audio)
            {
                _report.RenderedMs += StepMs;
            }

            if (_cutRequested)
            {
                _cutRequested = false;
                _report.Count(_report.FaultsByKind, "power cut during a save");
                Reboot("power cut during a save");
                return;
            }

            if (!_board.Powered)
            {
                _report.Count(_report.Notes, "power bank switched off");
                Reboot("bank switched off");
                return;
            }

            WatchLog();
            CheckExceptions();
            CheckPlannedLevels();
            WatchUnansweringChips();
            CheckRedundantWrites();
            if (_audio)
            {
                CheckPops();
                if (++_stepsSinceEval >= WindowSamples / (AudioEngine.SampleRate / 1000 * StepMs))
                {
                    _stepsSinceEval = 0;
                    CheckRenderedLevels();
                }
            }
        }

        private static readonly int KnownExamplesPerKind = int.TryParse(Environment.GetEnvironmentVariable("SOAK_EXAMPLES"), out int n) ? n : 1;

        private static readonly bool Strict = Environment.GetEnvironmentVariable("SOAK_STRICT") == "1";

        // A chip re-synced (the driver's or the firmware's log says so): the start of a known-failure window.
        private void WatchLog()
        {
            var entries = _board.Log.Entries;
            for (; _logSeen < entries.Count; _logSeen++)
            {
                string message = ((LogEntry)entries[_logSeen]).Message;
                if (message.Contains("re-sync") || message.Contains("cooled down") || message.Contains("stopped answering"))
                {
                    _resyncCause = message.Contains("amplifier") || message.Contains("TPA6130A2") ? "amplifier: " + (message.Contains("cooled") ? "thermal" : message.Contains("lost its registers") ? "brown-out" : "nack")
                        : message.Contains("capture went") ? "codecs: capture silence"
                        : "codec: " + (message.Contains("lost its registers") ? "reset" : "nack");
                    _lastResyncMs = _board.Clock.NowMs;
                }
            }
        }

        private void CheckExceptions()
        {
            if (_device.Exceptions != _exceptionsSeen)
            {
                _exceptionsSeen = _device.Exceptions;
                Violate("the loop never throws", () => _device.Exceptions + " exception(s): " + LastLog(3));
            }
        }

        // The firmware's own numbers: the planned playback level never above the user level, the user
        // level never above its ceiling, and at a power-up or a plug-in never above the boot cap.
        private void CheckPlannedLevels()
        {
            Settings settings = _device.Settings;
            for (int j = 0; j < _profile.Jacks.Length; j++)
            {
                JackSettings jack = settings.Jacks[j];
                JackTargets targets = _device.Targets(j);
                bool plugged = _device.State.Jacks[j].Plugged;
                bool tookCharge = _device.State.Phase != DevicePhase.Booting || _board.Clock.NowMs >= InterfaceDevice.TickMs;
                if (tookCharge && !_checkedBootCap && jack.LevelCentiDb > settings.BootCapCentiDb)
                {
                    Violate("boot cap", () => "jack " + j + " at " + jack.LevelCentiDb + " after a power-up, cap " + settings.BootCapCentiDb);
                }

                if (plugged && !_wasPlugged[j] && _checkedBootCap && jack.LevelCentiDb > settings.BootCapCentiDb && !AnyButtonDown())
                {
                    Violate("boot cap", () => "jack " + j + " at " + jack.LevelCentiDb + " right after a plug-in, cap " + settings.BootCapCentiDb);
                }

                if (plugged && !_wasPlugged[j])
                {
                    _levels[j].Clear(); // from here on the boot cap bounds the output, whatever was set before
                }

                _wasPlugged[j] = plugged;
                if (targets.PlaybackCentiDb != Drivers.GainScale.Muted && targets.PlaybackCentiDb > targets.LevelCentiDb)
                {
                    Violate("planned level", () => "jack " + j + " plans playback at " + targets.PlaybackCentiDb + " above its level " + targets.LevelCentiDb);
                }

                int ceiling = _device.Planner(j).Ceiling(jack.Range, jack.UserMaxCentiDb);
                if (jack.LevelCentiDb > ceiling)
                {
                    Violate("planned level", () => "jack " + j + " level " + jack.LevelCentiDb + " above its ceiling " + ceiling);
                }

                if (tookCharge)
                {
                    var history = _levels[j];
                    history.Enqueue((_board.Clock.NowMs, jack.LevelCentiDb));
                    while (history.Count > 0 && history.Peek().Ms < _board.Clock.NowMs - LevelLookbackMs - 10)
                    {
                        history.Dequeue();
                    }
                }
            }

            if (_device.State.Phase != DevicePhase.Booting || _board.Clock.NowMs >= InterfaceDevice.TickMs)
            {
                _checkedBootCap = true;
            }
        }

        /// <summary>
        /// After a chip under a jack answers again, until the firmware has taken charge of it and
        /// silenced it (the blind take-over's DAC ramp, 195 ms, and the zero-cross latch, 100 ms, with margin).
        /// </summary>
        public const int ChipSilencedMs = 600;

        // Allowance (physics, not a firmware choice): a chip that does not answer cannot be turned
        // down nor silenced. Its jack may hold the highest user level of the 300 ms before the chip
        // stopped answering (or set while it answered now and then) until the firmware has taken
        // charge of it again; and whatever happens to it meanwhile (the computer changing the
        // clocks under it, the take-over of a chip in an unknown state) may click on that jack.
        private void WatchUnansweringChips()
        {
            long now = _board.Clock.NowMs;
            for (int j = 0; j < _profile.Jacks.Length; j++)
            {
                JackProfile jack = _profile.Jacks[j];
                bool trouble = _device.Codec(jack.CodecIndex).Status != Drivers.DriverStatus.Ok; // (an amplifier that does not answer has a muted codec before it)
                int level = _device.Settings.Jacks[j].LevelCentiDb;
                if (trouble)
                {
                    if (_troubleSinceMs[j] < 0)
                    {
                        _troubleSinceMs[j] = now;
                        _heldLevel[j] = _levels[j].Count > 0 ? Math.Max(level, _levels[j].Max(h => h.Level)) : level;
                        bool continues = now - _troubleEndedMs[j] <= ChipSilencedMs && _troubleAllowance[j] != null;
                        if (!continues)
                        {
                            _troubleAllowance[j] = new Allowance { Reason = "a chip that does not answer", Prefix = j == 0 ? "main" : "second", FromUs = _board.Clock.NowUs, JudgesLevels = true };
                            _allowances.Add(_troubleAllowance[j]);
                        }
                    }

                    _heldLevel[j] = Math.Max(_heldLevel[j], level);
                    _troubleAllowance[j].UntilUs = _board.Clock.NowUs + ChipSilencedMs * 1000L;
                }
                else if (_troubleSinceMs[j] >= 0)
                {
                    _troubleSinceMs[j] = -1;
                    _troubleEndedMs[j] = now;
                }
            }
        }

        private bool AnyButtonDown()
        {
            return _profile.Buttons.Any(b => _board.Button(b.Name).IsPressed);
        }

        // Redundant writes (writes that changed no register) are allowed only to a chip that is
        // being recovered from a fault in this episode (its re-sync cannot know what it kept).
        private void CheckRedundantWrites()
        {
            for (int i = 0; i < _chips.Length; i++)
            {
                I2cChipModel chip = _board.Bus.Find(_chips[i]);
                int redundant = chip.RedundantWrites;
                if (redundant == _redundantSeen[i])
                {
                    continue;
                }

                int added = redundant - _redundantSeen[i];
                _redundantSeen[i] = redundant;
                if (_exemptChips.Contains(_chips[i]) || (_exemptUntilMs.TryGetValue(_chips[i], out long until) && _board.Clock.NowMs <= until))
                {
                    _report.Count(_report.Notes, "redundant writes in a re-sync of " + chip.Name + " 0x" + _chips[i].ToString("X2"), added);
                }
                else
                {
                    Violate("no redundant I2C write", () => added + " redundant write(s) to " + chip.Name + " 0x" + _chips[i].ToString("X2") + " at " + _board.Clock.NowMs
                        + " ms; last log: " + LastLog(3));
                }
            }
        }

        private void CheckPops()
        {
            var events = _board.PopEvents;
            for (; _popsSeen < events.Count; _popsSeen++)
            {
                var pop = (PopEvent)events[_popsSeen];
                if (pop.Output.StartsWith("codec-"))
                {
                    _report.Count(_report.Notes, "pop events at the codec-a probe (no listener)");
                    continue;
                }

                if (pop.TimeUs < (_renderingSinceMs + RenderWarmUpMs) * 1000L)
                {
                    _report.Count(_report.Notes, "pop events in the render warm-up (not judged)");
                    continue;
                }

                Allowance allowed = _allowances.FirstOrDefault(a => pop.Output.StartsWith(a.Prefix) && pop.TimeUs >= a.FromUs && pop.TimeUs <= a.UntilUs + PopDetector.HoldOffUs);
                if (allowed != null)
                {
                    _report.Count(_report.AllowedPops, allowed.Reason);
                    continue;
                }

                Violate("no pop outside its allowance", () => pop + "; " + LastLog(4));
            }
        }

        // Lock-in on the tone over the last 10 ms of each jack: its level must not exceed the highest
        // user level of the last 300 ms + the tone's level + half a step. Exact for the programme
        // (the lock-in ignores DC and the bias transients the pop detector judges); also the peak
        // around the window's mean, with the click threshold as its margin.
        private void CheckRenderedLevels()
        {
            long end = _board.Audio.NextSample;
            long start = end - WindowSamples;
            if (_board.Clock.NowMs < _renderingSinceMs + RenderWarmUpMs)
            {
                return;
            }

            long windowStartUs = AudioEngine.TimeOfSampleUs(start);
            long windowEndUs = _board.Clock.NowUs;

            for (int j = 0; j < _profile.Jacks.Length; j++)
            {
                var history = _levels[j];
                if (history.Count == 0)
                {
                    continue;
                }

                int allowedCentiDb = history.Max(h => h.Level);
                if (_troubleSinceMs[j] >= 0 || _board.Clock.NowMs - _troubleEndedMs[j] <= ChipSilencedMs)
                {
                    allowedCentiDb = Math.Max(allowedCentiDb, _heldLevel[j]); // what the chip that did not answer still holds
                }
                double allowedDb = allowedCentiDb / 100.0 + ToneDbfs + LevelMarginDb;
                HeadphoneOutput output = j == 0 ? _board.MainJack : _board.SecondJack;
                Allowance transient = _allowances.FirstOrDefault(a => !a.JudgesLevels && output.Name.StartsWith(a.Prefix) && a.FromUs <= windowEndUs && windowStartUs <= a.UntilUs);
                if (transient != null)
                {
                    // a chip or a plug makes its own transient here (see the pop allowances): the lock-in would see it
                    _report.Count(_report.Notes, "level windows not judged: " + transient.Reason);
                    continue;
                }

                for (int side = 0; side < 2; side++)
                {
                    SignalRecorder recorder = output.Recorder(side == 0);
                    if (recorder.FirstSample < 0 || recorder.FirstSample > start || recorder.FirstSample + recorder.Length < end)
                    {
                        continue;
                    }

                    // Remove the straight line through the window first: a slow bias or coupling
                    // transient is a ramp over 10 ms, and a ramp correlates with the tone even over
                    // whole periods; what is left of it is far below the tone's levels. The line is
                    // fitted to what the tone leaves (the tone estimated first, whole periods):
                    // fitted to the raw window, a line correlates with a steady sine itself (by up
                    // to 8 % of its amplitude at the window's ends, with the tone's phase) and the
                    // peak read off the difference would be that much too high.
                    double re0 = 0, im0 = 0;
                    for (long n = start; n < end; n++)
                    {
                        double y = _window[n - start] = recorder.At(n);
                        re0 += y * Cos[n % 48];
                        im0 += y * Sin[n % 48];
                    }

                    double sx = 0, sxx = 0, sy = 0, sxy = 0;
                    for (long n = start; n < end; n++)
                    {
                        double x = n - start;
                        double y = _window[n - start] - 2 * (re0 * Cos[n % 48] + im0 * Sin[n % 48]) / WindowSamples;
                        sx += x;
                        sxx += x * x;
                        sy += y;
                        sxy += x * y;
                    }

                    double slope = (WindowSamples * sxy - sx * sy) / (WindowSamples * sxx - sx * sx);
                    double intercept = (sy - slope * sx) / WindowSamples;
                    double re = 0, im = 0, peak = 0;
                    for (long n = start; n < end; n++)
                    {
                        double y = _window[n - start] - (intercept + slope * (n - start));
                        re += y * Cos[n % 48];
                        im += y * Sin[n % 48];
                        peak = Math.Max(peak, Math.Abs(y));
                    }

                    double toneDb = Decibels.ToDb(2 * Math.Sqrt(re * re + im * im) / WindowSamples);
                    _report.LevelWindows++;
                    double margin = toneDb - (allowedDb - LevelMarginDb);
                    if (margin > _report.WorstLevelMarginDb)
                    {
                        _report.WorstLevelMarginDb = margin;
                    }

                    if (toneDb > allowedDb)
                    {
                        Violate("output within the user level", () => "jack " + j + (side == 0 ? " L" : " R") + " at " + toneDb.ToString("F2") + " dBFS, allowed "
                            + allowedDb.ToString("F2") + " (user level " + (allowedCentiDb / 100.0).ToString("F1") + " dB) at " + _board.Clock.NowMs + " ms; " + JackText(j) + "; " + LastLog(3));
                    }

                    if (peak > Decibels.ToLinear(allowedDb) + PopDetector.ClickThreshold)
                    {
                        Violate("output within the user level", () => "jack " + j + (side == 0 ? " L" : " R") + " peaks at " + peak.ToString("F4") + ", allowed "
                            + Decibels.ToLinear(allowedDb).ToString("F4") + " + " + PopDetector.ClickThreshold + " at " + _board.Clock.NowMs + " ms; " + LastLog(3));
                    }
                }
            }

            // keep the recordings short (a few seconds; the next window starts a fresh one)
            if (_board.MainJack.Recorder(true).Length >= 4 * AudioEngine.SampleRate)
            {
                _board.MainJack.Record(false);
                _board.MainJack.Recorder(true).Clear();
                _board.MainJack.Recorder(false).Clear();
                _board.MainJack.Record(true);
                if (_board.SecondJack != null)
                {
                    _board.SecondJack.Recorder(true).Clear();
                    _board.SecondJack.Recorder(false).Clear();
                }
            }
        }

        private void Violate(string invariant, Func<string> describe)
        {
            // What goes wrong right after a chip failed or was re-synced is counted apart (see ResyncKnownFailureMs).
            bool afterResync = invariant == "no redundant I2C write" || invariant == "no pop outside its allowance"
                || invariant == "output within the user level" || invariant == "recovery";
            bool known = afterResync && _board.Clock.NowMs - _lastResyncMs <= ResyncKnownFailureMs;
            if (!Strict && known)
            {
                string key = invariant + " within 3 s of a chip failing or being re-synced (" + _resyncCause + ")";
                _report.Count(_report.KnownFailures, key);
                if (_report.KnownExamples.Count(e => e.StartsWith(key)) < KnownExamplesPerKind)
                {
                    _report.KnownExamples.Add(key + ": seed " + _seed + " (" + _boardName + "), event " + _events + ", session time " + NowMs + " ms: " + describe() + LastI2c());
                }

                return;
            }

            string detail = describe();
            bool first = _report.ViolationCount == 0;
            _report.Violation(invariant, "seed " + _seed + " (" + _boardName + "), event " + _events + ", session time " + NowMs + " ms: " + detail
                + (first ? "\n    events before it (board ms: event):\n      " + string.Join("\n      ", _trace) + LastI2c() : string.Empty));
        }

        // The last events, for the first violation's report.
        private void Trace(string what)
        {
            _trace.Enqueue(_board.Clock.NowMs + ": " + what + (_audio ? " (rendering)" : string.Empty));
            if (_trace.Count > 40)
            {
                _trace.Dequeue();
            }
        }

        private sealed class Pending
        {
            public long DueMs;
            public Action Action;
        }

        private sealed class Disturbance
        {
            public string Kind;
            public long EndMs;
            public int BoundMs;
            public bool IsFault;
        }

        private sealed class Allowance
        {
            public string Reason;
            public string Prefix;
            public long FromUs;
            public long UntilUs;
            public bool JudgesLevels; // the level windows inside it are still judged (the allowance is for pops only)
        }
    }
}
