using System;
using System.Diagnostics;
using System.Globalization;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.EmulatorCli.Session
{
    /// <summary>How a session ended.</summary>
    public enum SessionOutcome
    {
        /// <summary>Every line ran and every expectation held.</summary>
        Passed,

        /// <summary>An <c>expect</c> line did not hold: the session stopped there.</summary>
        ExpectationFailed,
    }

    /// <summary>
    /// Runs a session script on an emulated board with the real firmware (<see cref="InterfaceDevice"/>)
    /// on it, in virtual time: the script's lines are the world (buttons pressed with bounce, the
    /// computer, the power source, the signals at the inputs, faults on the bus); the firmware
    /// reacts through its hal exactly as on the device. What the device did goes to the
    /// <see cref="Timeline"/>.
    /// </summary>
    public sealed class SessionRunner
    {
        /// <summary>How long a session runs after its last line when it has no <c>end</c>.</summary>
        public const int TailMs = 1000;

        /// <summary>The gap between the two presses of <c>double</c>.</summary>
        public const int DoubleGapMs = 150;

        private readonly BoardProfile _profile;
        private readonly VirtualBoard _board;
        private readonly Timeline _timeline;
        private readonly ScriptedSource[] _inputs;
        private readonly ScriptedSource _playbackLeft = new ScriptedSource();
        private readonly ScriptedSource _playbackRight = new ScriptedSource();
        private readonly System.Collections.Generic.List<ScriptStep> _ran = new System.Collections.Generic.List<ScriptStep>();
        private InterfaceDevice _device;
        private int _seed = 100;
        private string _lastSource = "charger"; // out of the box the board sits on a charger

        public SessionRunner(string boardName, Timeline timeline)
        {
            _profile = BoardProfiles.ByName(boardName);
            _board = new VirtualBoard(Boards.Description(boardName), 1);
            _board.Power.PowerChanged += on =>
            {
                if (!on)
                {
                    _poweredSinceBoot = false; // the chips lose their registers with the supply
                }
            };
            _timeline = timeline;
            _board.Bus.LogEnabled = true;
            _board.PlugHeadphones(true);
            _board.MainJack.Record(true);
            if (_board.SecondJack != null && _board.SecondJack != _board.MainJack)
            {
                _board.SecondJack.Record(true);
            }

            BoardDescription description = _board.Description;
            _inputs = new ScriptedSource[description.Inputs.Length];
            for (int i = 0; i < _inputs.Length; i++)
            {
                _inputs[i] = new ScriptedSource();
                _board.SetInput(description.Inputs[i].Name, _inputs[i]);
            }

            if (!_profile.HasUsbBridge)
            {
                _board.CodecClock.PlaybackLeft = _playbackLeft;
                _board.CodecClock.PlaybackRight = _playbackRight;
            }
        }

        public VirtualBoard Board
        {
            get { return _board; }
        }

        public BoardProfile Profile
        {
            get { return _profile; }
        }

        /// <summary>The firmware, once booted (null before the boot line).</summary>
        public InterfaceDevice Device
        {
            get { return _device; }
        }

        /// <summary>The lines that ran, in order (the picture marks them).</summary>
        public System.Collections.Generic.IReadOnlyList<ScriptStep> Ran
        {
            get { return _ran; }
        }

        /// <summary>The failed expectation's message, when <see cref="Run"/> returned <see cref="SessionOutcome.ExpectationFailed"/>.</summary>
        public string Failure { get; private set; }

        /// <summary>Runs every step in time order; a line the board cannot carry out throws <see cref="ScriptException"/>.</summary>
        public SessionOutcome Run(ScriptStep[] steps)
        {
            var wall = Stopwatch.StartNew();
            bool hasBoot = Array.Exists(steps, s => s.Verb == Verb.Boot);
            bool booted = false;
            long endMs = -1;
            foreach (ScriptStep step in steps)
            {
                if (!hasBoot && !booted && step.TimeMs > 0)
                {
                    Boot();
                    booted = true;
                }

                AdvanceTo(step.TimeMs);
                _timeline.Command(step.TimeMs, step);
                _ran.Add(step);
                if (step.Verb == Verb.End)
                {
                    endMs = step.TimeMs;
                    break;
                }

                string failure = Execute(step);
                if (failure != null)
                {
                    Failure = "line " + step.Line + " (" + step.Command + "): " + failure;
                    _timeline.Failed(_board.Clock.NowMs, Failure);
                    _timeline.Summary(_board, wall.Elapsed);
                    return SessionOutcome.ExpectationFailed;
                }
            }

            if (!hasBoot && !booted)
            {
                Boot();
            }

            AdvanceTo(endMs >= 0 ? endMs : _board.Clock.NowMs + TailMs);
            _timeline.Flush(_board.Clock.NowMs);
            _timeline.Summary(_board, wall.Elapsed);
            return SessionOutcome.Passed;
        }

        /// <summary>Called now and then while time runs (virtual ms): a progress bar's hook.</summary>
        public Action<long> Progress { get; set; }

        /// <summary>Runs virtual time to <paramref name="timeMs"/>, tick by tick, the timeline watching.</summary>
        public void AdvanceTo(long timeMs)
        {
            while (_board.Clock.NowMs < timeMs)
            {
                long step = Math.Min(InterfaceDevice.TickMs, timeMs - _board.Clock.NowMs);
                _board.RunMs(step);
                _timeline.Observe(_board, _device, _profile);
                if (Progress != null && _board.Clock.NowMs % 100 == 0)
                {
                    Progress(_board.Clock.NowMs);
                }
            }
        }

        /// <summary>Carries out one line now (the interactive panel's keys, a render's set-up); an <c>expect</c> returns why it failed.</summary>
        public string RunLine(ScriptStep step)
        {
            _timeline.Command(_board.Clock.NowMs, step);
            _ran.Add(step);
            return Execute(step);
        }

        // Carries out one line; returns why an expectation failed, or null.
        private string Execute(ScriptStep step)
        {
            try
            {
                return ExecuteOrThrow(step);
            }
            catch (InvalidOperationException e)
            {
                throw new ScriptException(step.Line, step.Command, e.Message);
            }
            catch (ArgumentException e)
            {
                throw new ScriptException(step.Line, step.Command, e.Message);
            }
        }

        private string ExecuteOrThrow(ScriptStep step)
        {
            long nowUs = _board.Clock.NowUs;
            switch (step.Verb)
            {
                case Verb.Say:
                    return null;
                case Verb.Boot:
                    if (!_board.Powered)
                    {
                        throw new ScriptException(step.Line, step.Command, "the board has no power (power computer, bank or charger first)");
                    }

                    Boot();
                    return null;
                case Verb.Press:
                    _board.Button(step.Name).Press((int)step.Value);
                    return null;
                case Verb.Double:
                {
                    Button button = _board.Button(step.Name);
                    button.Press(ScriptParser.DefaultPressMs);
                    _board.Clock.Schedule(nowUs + (ScriptParser.DefaultPressMs + DoubleGapMs) * 1000L, _ => button.Press(ScriptParser.DefaultPressMs));
                    return null;
                }

                case Verb.Usb:
                    Usb(step);
                    return null;
                case Verb.Power:
                    Power(step.Name);
                    return null;
                case Verb.Input:
                    _inputs[InputIndex(step.Name)].Change(Signals.Create(step.Signal, _seed++, true, _board.Audio.NextSample), _board.Audio.NextSample);
                    return null;
                case Verb.Playback:
                    _playbackLeft.Change(Signals.Create(step.Signal, _seed++, true, _board.Audio.NextSample), _board.Audio.NextSample);
                    _playbackRight.Change(Signals.Create(step.Signal, _seed++, false, _board.Audio.NextSample), _board.Audio.NextSample);
                    return null;
                case Verb.EqLoad:
                    _board.EqPresets.Write((int)step.Value - 1, step.FileData, 0, step.FileData.Length); // the firmware reads the store at its next start
                    return null;
                case Verb.Plug:
                case Verb.Unplug:
                    Plug(step.Name, step.Verb == Verb.Plug);
                    return null;
                case Verb.Fault:
                    Fault(step);
                    return null;
                default:
                    return Expectations.Check(step, _board, _device, _profile);
            }
        }

        private bool _poweredSinceBoot;

        private void Boot()
        {
            // A second boot line with the power on restarts the ESP32 under live chips; a boot after
            // a power-up (the first, or after a cut) finds them at their reset state.
            bool restart = _device != null && _poweredSinceBoot;
            if (_device != null)
            {
                _board.Clock.StopTicks();
            }

            _poweredSinceBoot = true;
            var io = new BoardIo(_board.Clock, _board.Bus, new VirtualGpio(_board), _board.Log);
            io.ChipsMayBeLive = restart;
            io.Usb = _board.Usb;
            io.CodecClock = _board.CodecClock;
            io.Power = _board.Power;
            io.Store = _board.Settings;
            io.EqPresets = _board.EqPresets;
            io.AdcTap = _board.AdcTap;
            _device = new InterfaceDevice(_profile, io, null);
            _device.Start();
        }

        private void Usb(ScriptStep step)
        {
            UsbHostModel usb = _board.Usb;
            switch (step.Name)
            {
                case "attach":
                    _board.ConnectComputer();
                    _lastSource = "computer";
                    break;
                case "detach":
                    // The computer lets go of the device; the port keeps its 5 V (an unplug is `power cut`).
                    usb.HostLeaves();
                    break;
                case "play":
                    usb.StartPlayback(usb.SampleRate > 0 ? usb.SampleRate : UsbHostModel.DefaultClockRate, _playbackLeft, _playbackRight);
                    break;
                case "record":
                    usb.StartCapture(usb.SampleRate > 0 ? usb.SampleRate : UsbHostModel.DefaultClockRate);
                    break;
                case "stop":
                    usb.StopPlayback();
                    usb.StopCapture();
                    break;
                default:
                    usb.SetSampleRate((int)step.Value);
                    break;
            }
        }

        private void Power(string source)
        {
            bool wasPowered = _board.Powered;
            if (source == "on")
            {
                if (wasPowered)
                {
                    throw new InvalidOperationException("the board has power already ('power on' follows a 'power cut')");
                }

                source = _lastSource;
            }
            else if (source != "cut")
            {
                _lastSource = source;
            }

            switch (source)
            {
                case "computer":
                    _board.ConnectComputer();
                    break;
                case "bank":
                    _board.Usb.HostLeaves(); // the source changes without an interruption (see the README)
                    _board.ConnectPowerBank();
                    break;
                case "charger":
                    _board.Usb.HostLeaves();
                    _board.ConnectCharger();
                    break;
                default:
                    _board.DisconnectPower();
                    _poweredSinceBoot = false;
                    break;
            }

            if (!wasPowered && _board.Powered && _device != null)
            {
                Boot(); // power is back after a cut: the ESP32 starts from the top, as at any power-up
            }
        }

        private void Plug(string jack, bool plugged)
        {
            int index = Boards.JackIndex(_profile, jack);
            if (index == 0)
            {
                _board.PlugHeadphones(plugged);
            }
            else
            {
                Boards.Output(_board, index).HeadphonePlugged = plugged; // no detect switch: the firmware cannot tell
            }
        }

        private void Fault(ScriptStep step)
        {
            if (step.Name == "brownout")
            {
                _board.Bus.Find(step.Address).BrownOut();
                return;
            }

            if (step.Name == "thermal")
            {
                Tpa6130a2Model amplifier = _board.Amplifier;
                amplifier.SetThermalOverload(true);
                _board.Clock.Schedule(_board.Clock.NowUs + step.Value * 1000L, _ => amplifier.SetThermalOverload(false));
                return;
            }

            I2cFaultPlan plan = _board.Bus.FaultsAt(step.Address);
            long nowUs = _board.Clock.NowUs;
            long untilUs = nowUs + step.Value * 1000L;
            if (step.Name == "nack")
            {
                plan.NackFromUs = nowUs;
                plan.NackUntilUs = untilUs;
            }
            else
            {
                plan.Absent = true;
                _board.Clock.Schedule(untilUs, _ => plan.Absent = false);
            }
        }

        private int InputIndex(string name)
        {
            InputDescription[] inputs = _board.Description.Inputs;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i].Name == name)
                {
                    return i;
                }
            }

            throw new ArgumentException("no input " + name);
        }

        internal static string Seconds(long ms)
        {
            return (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        }
    }
}
