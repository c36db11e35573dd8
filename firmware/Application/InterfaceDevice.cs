using System;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Drivers.Expander;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.Firmware.Faults;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using InterfaceFirmware.Firmware.Output;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Firmware.Planning;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>
    /// The device: built from a board profile and the hal, run by one cooperative tick. The device's
    /// Program and the emulator construct it the same way, so tests see what the device does.
    /// </summary>
    /// <remarks>
    /// The path of a button press, by name: a GPIO edge → <see cref="OnEdge"/> puts it in the
    /// <see cref="EdgeQueue"/> → the tick hands it to its <see cref="DebouncedInput"/> →
    /// <see cref="ButtonGestures"/> turns the settled press into a gesture and, through the board's
    /// gesture table, a <see cref="UserAction"/> → <see cref="Apply"/> updates the
    /// <see cref="Settings"/> and the <see cref="DeviceState"/> → <see cref="JackPlanner"/> plans
    /// every stage of the jack (<see cref="JackTargets"/>) → <see cref="JackOutput"/> ramps the
    /// chips there through the drivers (<see cref="IAudioCodec"/>, <see cref="IHeadphoneAmplifier"/>)
    /// → their register caches → the I2C bus. All in the tick where the debounce decided; nothing
    /// in the tick allocates unless it logs an event.
    /// The class is one file per concern: the tick and what it owns here; the controls
    /// (InterfaceDevice.Controls.cs), planning (.Planning.cs), power, modes and clocks (.Power.cs),
    /// the input side (.Inputs.cs), faults (.Faults.cs) and the LEDs (.Indicators.cs).
    /// </remarks>
    public sealed partial class InterfaceDevice
    {
        /// <summary>
        /// The control loop's period, the one constant the firmware's tick derives from: the jack
        /// ramps are rates per second stepped per tick (<see cref="JackOutput.FadeCentiDbPerSecond"/>;
        /// the DAC's digital step is fixed at 0.5 dB, so 50 dB/s), the rest of the firmware times
        /// itself in ms by the clock (debounce, gestures, repeats, watchers, keep-alive, the settings
        /// saver); per step still: the meters' comb (16 of the step's frames). The chip drivers'
        /// sequences (a few registers a step, the output ramps a chip step a step) keep their 5 ms
        /// pace: the clock ticks every <see cref="DriverTickMs"/> and the ticks between the
        /// application's steps only step the drivers. 10 ms, not 5: the interpreter's busiest steps
        /// are several times 5 ms (docs/benchmarks.md, issue 12); at 20 ms the fade-in's 4 dB steps
        /// click, a rate change from the computer lands before the outputs are muted and the meters'
        /// windows stretch to 60 ms (tried: 15 tests fail).
        /// </summary>
        public const int TickMs = 10;

        /// <summary>The clock's tick: the chip drivers step every one (their sequences and ramps were tuned at 5 ms), the application every <see cref="TickMs"/>.</summary>
        public const int DriverTickMs = 5;

        /// <summary>A jack-detect switch settles slower than a button.</summary>
        public const int JackDebounceMs = 100;

        /// <summary>How often readable chips are asked whether they lost their registers, and the amplifier whether it overheated.</summary>
        public const int ProbeIntervalMs = 500;

        /// <summary>After 48 V phantom power switched, how long the jacks stay muted: its step at the inputs decays (τ ≈ 50 ms on the board).</summary>
        public const int PhantomSettleMs = 1000;

        /// <summary>After an input source or Hi-Z switch, how long the jacks stay muted.</summary>
        public const int InputSwitchSettleMs = 150;

        /// <summary>After a clock change, how long the codecs run on the new clocks before their outputs come back.</summary>
        public const int ClockSettleMs = 150;

        /// <summary>Exact digital silence from a running ADC for this long means it is not running: a brown-out.</summary>
        public const int SilentCaptureMs = 100;

        /// <summary>How long an overheated amplifier is left to cool before it is tried again.</summary>
        public const int ThermalWaitMs = 2000;

        /// <summary>How long the LEDs show how auto gain went.</summary>
        public const int AutoGainShowMs = 4000;

        /// <summary>The LEDs show which jack was just selected for this many whole LED cycles (2 s each) after the current one.</summary>
        public const int SelectionShowCycles = 2;

        private const string Source = "firmware";

        private readonly BoardProfile _profile;
        private readonly BoardIo _io;
        private readonly ILog _log;
        private readonly Settings _settings;
        private readonly DeviceState _state;
        private readonly EdgeQueue _edges = new EdgeQueue(64);
        private readonly ActionQueue _actions = new ActionQueue(16);
        private readonly int _jackCount;
        private readonly JackState[] _jackStates;     // the state's and the settings' per-jack arrays (they never change)
        private readonly JackSettings[] _jackSettings;
        private readonly int[] _jackCodec;            // the profile's facts per jack, read in every look
        private readonly bool[] _jackThroughAmplifier;
        private readonly JackTargets[] _targets;
        private readonly PlanInputs[] _planned;
        private readonly JackPlanner[] _planners;
        private readonly JackOutput[] _outputs;
        private readonly IAudioCodec[] _codecs;
        private readonly ChipWatch[] _codecWatch;
        private readonly CodecRecovery[] _recovery;

        // A codec that cannot make the running rate from its MCLK stays in standby, its jacks silent,
        // until a rate it can make (powered on with stale dividers it would play at the wrong rate).
        private readonly bool[] _clockRefused;
        private readonly ChipWatch _amplifierWatch = new ChipWatch();
        private readonly bool[] _planWaiting;
        private readonly bool[] _wantOpen;
        private readonly bool[] _moving;
        private bool _stepNext = true; // the first tick steps the drivers only: the application steps at 10, 20, … ms
        private bool _driversBusy = true; // a driver's sequence ran on at the last tick: the ticks between steps step it
        private int _exceptions;
        private long _clocksAppliedMs;
        private readonly Pca9536Expander _expander;
        private bool _phantomApplied;
        private InputType _typesApplied0;
        private InputType _typesApplied1;
        private bool _inputSwitching;
        private long _inputSwitchedAtMs = -1;
        private int _inputSettleMs;
        private int _brownOuts;
        private long _lastExceptionLogMs = -1000;
        private long _thermalUntilMs = -1;
        private readonly IHeadphoneAmplifier _amplifier;
        private IDigitalInput[] _pins;
        private DebouncedInput[] _debounced;
        private int _inputsPending; // a bit per debounced input with an edge to judge or chattering
        private int _buttonInputs; // the bits of the buttons (the jack detects follow them)
        private int[] _jackOfInput;
        private ButtonGestures _gestures;
        private LedController _leds;
        private bool _started;
        private bool _tookCharge;
        private readonly int[] _mirroredGain = new int[Settings.InputCount];
        private static readonly string[] InputNames = { "input 1", "input 2" };
        private InputSection _inputs;
        private SilenceWatch _silence;
        private readonly int _captureCodec;
        private readonly SettingsStorage _storage;
        private readonly SettingsSaver _saver;
        private readonly ModeSelector _selector;
        private readonly KeepAlive _keepAlive;
        private ClockStage _stage = ClockStage.TakeCharge;
        private bool _codecsTakingCharge;
        private DeviceMode _mode;
        private int _rate;

        /// <param name="settings">The settings to start from (null: defaults).</param>
        public InterfaceDevice(BoardProfile profile, BoardIo io, Settings settings)
        {
            _profile = profile;
            _io = io;
            _log = io.Log;
            _jackCount = profile.Jacks.Length;
            _settings = new Settings(_jackCount);
            if (settings != null)
            {
                _settings.CopyFrom(settings);
            }

            _state = new DeviceState(_jackCount);
            _jackStates = _state.Jacks;
            _jackSettings = _settings.Jacks;
            _jackCodec = new int[_jackCount];
            _jackThroughAmplifier = new bool[_jackCount];
            for (int j = 0; j < _jackCount; j++)
            {
                _jackCodec[j] = profile.Jacks[j].CodecIndex;
                _jackThroughAmplifier[j] = profile.Jacks[j].ThroughAmplifier;
            }

            _selector = new ModeSelector(profile.HasUsbBridge ? io.Usb : null);
            for (int i = 0; i < profile.Codecs.Length; i++)
            {
                if (profile.Codecs[i].FeedsCapture)
                {
                    _captureCodec = i;
                }
            }

            _keepAlive = new KeepAlive(io.Power);
            _codecs = new IAudioCodec[profile.Codecs.Length];
            _codecWatch = new ChipWatch[_codecs.Length];
            _recovery = new CodecRecovery[_codecs.Length];
            _clockRefused = new bool[_codecs.Length];
            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i] = CreateCodec(profile.Codecs[i], io.Bus, _log);
                _codecWatch[i] = new ChipWatch();
            }

            if (profile.ExpanderAddress >= 0)
            {
                _expander = new Pca9536Expander(io.Bus, profile.ExpanderAddress, _log);
            }

            if (profile.HasAmplifier)
            {
                IDigitalOutput shutdown = profile.AmplifierShutdownPin >= 0 ? io.Gpio.OpenOutput(profile.AmplifierShutdownPin, false) : null;
                _amplifier = new Tpa6130a2Amplifier(io.Bus, profile.AmplifierAddress, shutdown, _log);
            }

            _targets = new JackTargets[_jackCount];
            _planned = new PlanInputs[_jackCount];
            _planWaiting = new bool[_jackCount];
            _wantOpen = new bool[_jackCount];
            _moving = new bool[_jackCount];
            _planners = new JackPlanner[_jackCount];
            _outputs = new JackOutput[_jackCount];
            for (int j = 0; j < _jackCount; j++)
            {
                JackProfile jack = profile.Jacks[j];
                IAudioCodec codec = _codecs[jack.CodecIndex];
                IHeadphoneAmplifier amplifier = jack.ThroughAmplifier ? _amplifier : null;
                _targets[j] = new JackTargets();
                _planned[j] = new PlanInputs();
                _planners[j] = new JackPlanner(jack, codec.Capabilities, amplifier != null ? amplifier.Volume : null, profile.Codecs[jack.CodecIndex].CrossFeedOnInput3);
                _outputs[j] = new JackOutput(codec, amplifier, jack.HoldHeadphoneVolume);
            }

            CreateEq(io);

            // Settings from the store (the newest valid record, clamped to what this board can do);
            // explicit settings (tests, a script) win over the store.
            if (io.Store != null)
            {
                _storage = new SettingsStorage(io.Store, new SettingsRecord(SettingsLayout.Current(), _jackCount), _log);
                if (settings == null)
                {
                    SettingsLimits limits = SettingsLimits.FromPlanners(_planners, _planners[0].CanMonitorMono);
                    for (int j = 0; j < _jackCount; j++)
                    {
                        limits.SetEqPresetCount(j, _jackEq[j] != null ? EqLibrary.Count : 0);
                    }

                    _storage.Load(_settings, limits);
                }

                _saver = new SettingsSaver(_storage, _log);
                _saver.MarkSaved(_settings);
            }
        }

        public BoardProfile Profile
        {
            get { return _profile; }
        }

        public Settings Settings
        {
            get { return _settings; }
        }

        public DeviceState State
        {
            get { return _state; }
        }

        public IHeadphoneAmplifier Amplifier
        {
            get { return _amplifier; }
        }

        public IAudioCodec Codec(int index)
        {
            return _codecs[index];
        }

        /// <summary>What the planner wants jack <paramref name="jack"/>'s stages to hold.</summary>
        public JackTargets Targets(int jack)
        {
            return _targets[jack];
        }

        public JackPlanner Planner(int jack)
        {
            return _planners[jack];
        }

        public JackOutput Output(int jack)
        {
            return _outputs[jack];
        }

        /// <summary>Edges the queue could not take since start-up.</summary>
        public int DroppedEdges
        {
            get { return _edges.Dropped; }
        }

        /// <summary>The indications the LEDs show now (bits of <see cref="Indication"/>).</summary>
        public int Indications
        {
            get { return CurrentIndications(_io.Clock.NowMs); }
        }

        public LedController Leds
        {
            get { return _leds; }
        }

        /// <summary>Up, clocked and not in the middle of a clock change: the jacks may be open.</summary>
        public bool Live
        {
            get { return _stage == ClockStage.Live; }
        }

        /// <summary>Phantom power or an input type is being switched (or waits to be): the jacks are muted meanwhile.</summary>
        public bool SwitchingInputs
        {
            get
            {
                return _inputSwitching || _settings.Phantom != _phantomApplied
                    || _settings.InputTypes[0] != _typesApplied0 || _settings.InputTypes[1] != _typesApplied1;
            }
        }

        /// <summary>USB or standalone, as the codecs are clocked now.</summary>
        public DeviceMode Mode
        {
            get { return _mode; }
        }

        /// <summary>The rate the codecs are clocked at now.</summary>
        public int SampleRate
        {
            get { return _rate; }
        }

        /// <summary>The power-bank keep-alive.</summary>
        public KeepAlive KeepAlive
        {
            get { return _keepAlive; }
        }

        /// <summary>Opens the pins, subscribes to their edges and starts the tick.</summary>
        public void Start()
        {
            if (_started)
            {
                return;
            }

            _started = true;
            Crc32.Prepare(); // its table, before the loop runs (the first save would build it in a tick)
            OpenInputs();
            _leds = new LedController(_profile, _io.Gpio);
            if (_profile.SpeakerAmplifierPin >= 0)
            {
                _io.Gpio.OpenOutput(_profile.SpeakerAmplifierPin, false); // headphones only: the speaker amplifier stays off
            }

            _state.Phase = DevicePhase.Booting;
            _state.Busy = true;
            _io.Clock.StartTicks(DriverTickMs, Tick);
        }

        /// <summary>
        /// One tick of the loop (the clock calls it every <see cref="DriverTickMs"/>): every other
        /// one is the application's step (every <see cref="TickMs"/>), the ones between only step
        /// the chip drivers' sequences while one runs (their ramps keep the pace they were tuned
        /// at: a codec's mute from a high level must be done within a computer's 300 ms rate-change
        /// notice).
        /// Nothing ends the loop: an exception is logged (once a second at most) and every jack is
        /// muted; the next ticks carry on from there, and the jacks fade in again once the cause is gone.
        /// </summary>
        public void Tick(long nowMs)
        {
            try
            {
                _stepNext = !_stepNext;
                if (_stepNext)
                {
                    Step(nowMs);
                }
                else if (_driversBusy)
                {
                    TickDrivers(nowMs);
                }
            }
            catch (Exception e)
            {
                _exceptions++;
                if (nowMs - _lastExceptionLogMs >= 1000)
                {
                    _lastExceptionLogMs = nowMs;
                    _log.Write(LogLevel.Error, Source, "tick failed (" + _exceptions.ToString() + " so far): " + e.Message + "; jacks muted");
                }

                _driversBusy = true; // the mutes below start the drivers' sequences
                for (int j = 0; j < _jackCount; j++)
                {
                    try
                    {
                        _outputs[j].Abandon(nowMs);
                    }
                    catch (Exception)
                    {
                        // muting failed too: the next tick tries again
                    }
                }
            }
        }

        /// <summary>Exceptions caught by the loop since start-up (0 is the goal).</summary>
        public int Exceptions
        {
            get { return _exceptions; }
        }

        // The chip drivers' own sequences (power, mute, clocks), a step each; true while a codec's
        // runs. A driver that is not busy after its tick has nothing to do until the application
        // asks something of it (its setters start their sequences at once), so the ticks between
        // steps skip the drivers when none was busy after the last one.
        private bool TickDrivers(long nowMs)
        {
            bool busy = false;
            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i].Tick(nowMs);
                busy |= _codecs[i].Busy;
            }

            bool amplifierBusy = false;
            if (_amplifier != null)
            {
                _amplifier.Tick(nowMs);
                amplifierBusy = _amplifier.Busy;
            }

            _driversBusy = busy || amplifierBusy;
            return busy;
        }

        private bool DriversBusy()
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Busy)
                {
                    return true;
                }
            }

            return _amplifier != null && _amplifier.Busy;
        }

        // ---- helpers -------------------------------------------------------------------------------

        private static IAudioCodec CreateCodec(CodecFitting fitting, II2cBus bus, ILog log)
        {
            switch (fitting.Chip)
            {
                case CodecChip.Es8388:
                    return new Es8388Codec(bus, fitting.Address, log);
                case CodecChip.Sgtl5000:
                    return new Sgtl5000Codec(bus, fitting.Address, log);
                default:
                    return new Wm8960Codec(bus, fitting.Address, log, fitting.CrossFeedOnInput3);
            }
        }

        private static string RangeName(HeadphoneRange range)
        {
            switch (range)
            {
                case HeadphoneRange.InEar: return "in-ear";
                case HeadphoneRange.High: return "high";
                default: return "normal";
            }
        }

        private static string MonitorName(MonitorMode mode)
        {
            switch (mode)
            {
                case MonitorMode.Mono: return "mono";
                case MonitorMode.Stereo: return "stereo";
                default: return "off";
            }
        }

        /// <summary>A level for the log: "−12.5 dB" (allocates: events only).</summary>
        public static string Db(int centiDb)
        {
            if (centiDb == GainScale.Muted)
            {
                return "muted";
            }

            int tenths = (centiDb < 0 ? -centiDb : centiDb) / 10;
            return (centiDb < 0 ? "-" : "+") + (tenths / 10).ToString() + "." + (tenths % 10).ToString() + " dB";
        }
    }
}
