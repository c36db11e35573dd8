using System;
using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A whole board in virtual time, built from a <see cref="BoardDescription"/>: the chips on the
    /// I2C bus, GPIO (buttons with bounce, LEDs, jack detect, enable lines), the USB side, the power
    /// source, settings flash, the ESP32 as codec clock master, and the audio graph from the
    /// input jacks through the chips to each headphone output, with a pop detector on every output.
    /// Each hal interface the firmware uses is a property here; the firmware cannot tell this
    /// from the hardware at that boundary.
    /// </summary>
    public sealed class VirtualBoard : IAudioRenderer
    {
        private readonly BoardDescription _description;
        private readonly ArrayList _popEvents = new ArrayList();
        private readonly Button[] _buttons;
        private readonly VirtualDigitalInput[] _buttonInputs;
        private readonly VirtualDigitalOutput[] _leds;
        private readonly SignalSource[] _inputSources;
        private readonly double[][] _codecInputs;
        private readonly double[][] _playback = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[][] _playbackBlocks = new double[2][]; // what the codecs read: _playback, or its left block twice
        private readonly CodecModel[] _codecs;
        private readonly HeadphoneOutput[] _codecOutputs;
        private readonly CouplingCapacitor[][] _codecCoupling;
        private readonly ArrayList _consumers = new ArrayList();
        private int _usbStateSeen = -1;
        private int _codecClockStateSeen = -1;
        private bool _powered;
        private bool _phantomSeen;
        private double _phantomStep;

        public VirtualBoard(BoardDescription description, int seed)
            : this(description, seed, new SettingsFlash(4, 256))
        {
        }

        /// <param name="settings">The settings flash, kept across power cycles by passing the same instance to the next board.</param>
        public VirtualBoard(BoardDescription description, int seed, SettingsFlash settings)
        {
            _description = description;
            Random = new DeterministicRandom(seed);
            Clock = new VirtualClock();
            Log = new MemoryLog(Clock);
            Bus = new VirtualI2cBus(Clock, seed);
            Settings = settings;
            Power = new PowerSupplyModel(Clock);
            Power.PowerChanged += OnPowerChanged;
            Usb = new UsbHostModel(Clock);
            AdcTap = new AdcTap(4096);

            if (description.ExpanderAddress >= 0)
            {
                Expander = new Pca9536Model(description.ExpanderAddress);
                Bus.Attach(Expander);
            }

            if (description.HasAmplifier)
            {
                Amplifier = new Tpa6130a2Model(description.AmplifierAddress);
                MainJack = new HeadphoneOutput("main", _popEvents);
                if (description.AmplifierShutdownPin >= 0)
                {
                    AmplifierShutdown = new ChipEnableLine(Clock, description.AmplifierShutdownPin, Amplifier);
                }
            }

            int codecCount = description.Codecs.Length;
            _codecs = new CodecModel[codecCount];
            _codecOutputs = new HeadphoneOutput[codecCount];
            _codecCoupling = new CouplingCapacitor[codecCount][];
            int inputPins = 0;
            for (int i = 0; i < codecCount; i++)
            {
                CodecDescription codec = description.Codecs[i];
                _codecs[i] = NewCodec(codec);
                Bus.Attach(_codecs[i]);
                _consumers.Add(_codecs[i]);
                _codecCoupling[i] = new CouplingCapacitor[] { new CouplingCapacitor(220e-6), new CouplingCapacitor(220e-6) };
                inputPins = _codecs[i].InputPinCount > inputPins ? _codecs[i].InputPinCount : inputPins;
                if (FeedsAmplifier(codec) && !codec.LineOutFeedsAmplifier)
                {
                    // A probe, not a jack: the codec's output as a headphone on it would hear it.
                    _codecOutputs[i] = new HeadphoneOutput("codec-" + "abcdefgh".Substring(i, 1), _popEvents);
                }
                else if (codec.Jack == JackRole.Main)
                {
                    MainJack = new HeadphoneOutput("main", _popEvents);
                    _codecOutputs[i] = MainJack;
                }
                else
                {
                    SecondJack = new HeadphoneOutput("second", _popEvents);
                    _codecOutputs[i] = SecondJack;
                }
            }

            if (Amplifier != null)
            {
                Bus.Attach(Amplifier);
                _consumers.Add(Amplifier);
            }

            _codecInputs = NewBuffers(inputPins);

            ClockSelect = description.CodecClockSelectPin >= 0 ? new VirtualDigitalOutput(Clock, description.CodecClockSelectPin, false) : null;
            CodecClock = new EspCodecClock(ClockSelect);
            JackDetect = new VirtualDigitalInput(description.JackDetect.Pin, !description.JackDetect.ActiveLow);
            SpeakerAmplifierEnable = description.SpeakerAmplifierPin >= 0 ? new VirtualDigitalOutput(Clock, description.SpeakerAmplifierPin, false) : null;

            _buttons = new Button[description.Buttons.Length];
            _buttonInputs = new VirtualDigitalInput[description.Buttons.Length];
            for (int i = 0; i < _buttons.Length; i++)
            {
                PinDescription pin = description.Buttons[i];
                _buttonInputs[i] = new VirtualDigitalInput(pin.Pin, pin.ActiveLow); // released: idle level
                _buttons[i] = new Button(pin.Name, _buttonInputs[i], Clock, Random);
            }

            _leds = new VirtualDigitalOutput[description.Leds.Length];
            for (int i = 0; i < _leds.Length; i++)
            {
                PinDescription pin = description.Leds[i];
                _leds[i] = new VirtualDigitalOutput(Clock, pin.Pin, pin.ActiveLow);
                _consumers.Add(new LedLoad(pin, _leds[i]));
            }

            _inputSources = new SignalSource[description.Inputs.Length];
            for (int i = 0; i < _inputSources.Length; i++)
            {
                _inputSources[i] = SilenceSource.Instance;
            }

            _consumers.Add(new FixedLoad("ESP32", description.ProcessorMilliamps, this));
            if (description.HasUsbBridge)
            {
                _consumers.Add(new UsbBridgeLoad(Usb));
            }

            for (int i = 0; i < _consumers.Count; i++)
            {
                Power.AddConsumer((ICurrentConsumer)_consumers[i]);
            }

            Audio = new AudioEngine(this);
            Clock.AddListener(Audio);

            // Out of the box the board sits on a wall charger: powered, no computer. Tests and the
            // runner connect a computer or a power bank as the scenario needs.
            ConnectCharger();
            _powered = Power.OutputOn;
        }

        public BoardDescription Description
        {
            get { return _description; }
        }

        public DeterministicRandom Random { get; }

        public VirtualClock Clock { get; }

        public VirtualI2cBus Bus { get; }

        public MemoryLog Log { get; }

        public AudioEngine Audio { get; }

        /// <summary>Every codec on the board, codec A first, in the order of <see cref="BoardDescription.Codecs"/>.</summary>
        public CodecModel[] Codecs
        {
            get { return _codecs; }
        }

        /// <summary>Codec A, as the base every codec model shares.</summary>
        public CodecModel Codec
        {
            get { return _codecs[0]; }
        }

        /// <summary>Codec A as a WM8960 model; null on a board with another codec.</summary>
        public Wm8960Model Wm8960
        {
            get { return _codecs[0] as Wm8960Model; }
        }

        /// <summary>Codec A as an ES8388 model; null on a board with another codec.</summary>
        public Es8388Model Es8388
        {
            get { return _codecs[0] as Es8388Model; }
        }

        /// <summary>Codec A as an SGTL5000 model; null on a board with another codec.</summary>
        public Sgtl5000Model Sgtl5000
        {
            get { return _codecs[0] as Sgtl5000Model; }
        }

        public Tpa6130a2Model Amplifier { get; }

        /// <summary>The GPIO expander (phantom power, Hi-Z selects); null when the board has none.</summary>
        public Pca9536Model Expander { get; }

        /// <summary>48 V phantom power is on (the expander's P0 driven high).</summary>
        public bool PhantomOn
        {
            get { return Expander != null && Expander.PinHigh(0); }
        }

        /// <summary>
        /// Switching 48 V charges (or discharges) the input coupling capacitors: at the preamp a
        /// large, slowly decaying step, 0.5 full scale falling with a 50 ms time constant — what a
        /// headphone must never hear (the firmware mutes around the switch).
        /// </summary>
        public const double PhantomStepLevel = 0.5;

        public const double PhantomStepSeconds = 0.05;

        private static readonly double PhantomDecayPerSample = Math.Exp(-1.0 / (AudioEngine.SampleRate * PhantomStepSeconds));

        /// <summary>The TPA6130A2's SD line (high = running); null when not wired to a GPIO.</summary>
        public ChipEnableLine AmplifierShutdown { get; }

        /// <summary>The headphone jack a user plugs into first (the amplifier's, or the codec's on dev boards).</summary>
        public HeadphoneOutput MainJack { get; }

        /// <summary>The second jack, on its own codec's headphone driver (codec B on the reference board); null when absent.</summary>
        public HeadphoneOutput SecondJack { get; }

        /// <summary>
        /// What codec <paramref name="index"/>'s headphone output sounds like to a 32 Ω headphone on
        /// 220 µF: its jack when it drives one, else (codec A into the amplifier) a probe named
        /// "codec-a" that listens to the codec on its own, with its own pop detectors.
        /// </summary>
        public HeadphoneOutput CodecOutput(int index)
        {
            return _codecOutputs[index];
        }

        public UsbHostModel Usb { get; }

        public PowerSupplyModel Power { get; }

        public SettingsFlash Settings { get; }

        /// <summary>
        /// The user EQ preset files (I:\eq\user1.eq and user2.eq on the device: README "Headphone
        /// EQ presets"), one per slot, as <c>eq import</c> writes them.
        /// </summary>
        public SettingsFlash EqPresets { get; } = new SettingsFlash(2, 64);

        public EspCodecClock CodecClock { get; }

        public AdcTap AdcTap { get; }

        /// <summary>The codec clock select line (high: ESP32 clocks the codec); null when absent.</summary>
        public VirtualDigitalOutput ClockSelect { get; }

        public VirtualDigitalInput JackDetect { get; }

        public VirtualDigitalOutput SpeakerAmplifierEnable { get; }

        /// <summary>Every pop, click, thump and glitch heard at any output so far (<see cref="PopEvent"/> items).</summary>
        public ArrayList PopEvents
        {
            get { return _popEvents; }
        }

        /// <summary>False after the power source went away (the firmware is not running then).</summary>
        public bool Powered
        {
            get { return _powered; }
        }

        public Button Button(string name)
        {
            for (int i = 0; i < _buttons.Length; i++)
            {
                if (_buttons[i].Name == name)
                {
                    return _buttons[i];
                }
            }

            throw new ArgumentException("no button " + name);
        }

        /// <summary>The GPIO input a button is wired to (what the firmware reads).</summary>
        public VirtualDigitalInput ButtonInput(string name)
        {
            for (int i = 0; i < _buttons.Length; i++)
            {
                if (_buttons[i].Name == name)
                {
                    return _buttonInputs[i];
                }
            }

            throw new ArgumentException("no button " + name);
        }

        public VirtualDigitalOutput Led(string name)
        {
            for (int i = 0; i < _leds.Length; i++)
            {
                if (_description.Leds[i].Name == name)
                {
                    return _leds[i];
                }
            }

            throw new ArgumentException("no LED " + name);
        }

        /// <summary>True when the named LED is lit (taking its polarity into account).</summary>
        public bool LedOn(string name)
        {
            for (int i = 0; i < _leds.Length; i++)
            {
                if (_description.Leds[i].Name == name)
                {
                    return _leds[i].Level != _description.Leds[i].ActiveLow;
                }
            }

            throw new ArgumentException("no LED " + name);
        }

        /// <summary>Puts a signal on an input jack (or microphone) by its name in the description.</summary>
        public void SetInput(string name, SignalSource source)
        {
            for (int i = 0; i < _inputSources.Length; i++)
            {
                if (_description.Inputs[i].Name == name)
                {
                    _inputSources[i] = source;
                    return;
                }
            }

            throw new ArgumentException("no input " + name);
        }

        /// <summary>Plugs or unplugs the main headphone (jack detect follows).</summary>
        public void PlugHeadphones(bool plugged)
        {
            MainJack.HeadphonePlugged = plugged;
            JackDetect.SetLevel(plugged != _description.JackDetect.ActiveLow);
        }

        /// <summary>A computer's USB port: power, and a host that enumerates the audio bridge.</summary>
        public void ConnectComputer()
        {
            Power.Connect(PowerSourceKind.ComputerPort);
            Usb.Attach();
        }

        /// <summary>A power bank on the USB port: power (until it decides the load is too light), no host.</summary>
        public void ConnectPowerBank()
        {
            Power.Connect(PowerSourceKind.PowerBank);
            Usb.AttachPowerOnly();
        }

        /// <summary>A wall charger on the USB port: power, no host, no auto-off.</summary>
        public void ConnectCharger()
        {
            Power.Connect(PowerSourceKind.Charger);
            Usb.AttachPowerOnly();
        }

        /// <summary>Pulls the USB cable: no power, no host.</summary>
        public void DisconnectPower()
        {
            Usb.Detach();
            Power.Disconnect();
        }

        /// <summary>Moves virtual time forward; everything on the board happens on the way.</summary>
        public void RunMs(long milliseconds)
        {
            Clock.AdvanceMs(milliseconds);
        }

        /// <summary>The pop events at one output name prefix (e.g. "main"), as text, one per line.</summary>
        public string DescribePops()
        {
            string text = string.Empty;
            for (int i = 0; i < _popEvents.Count; i++)
            {
                text += _popEvents[i].ToString() + "\n";
            }

            return text;
        }

        // ---- audio ---------------------------------------------------------------------------------

        private long _renderedUntil; // the sample after the last one rendered (a board starts at sample 0 from nothing)

        public void Render(long firstSample, int count, long startUs)
        {
            // Rendering resumes after time passed unrendered (Audio.Rendering was off): VMID and the
            // coupling capacitors did not follow the registers meanwhile; they start settled.
            bool resumed = firstSample != _renderedUntil;
            _renderedUntil = firstSample + count;
            if (!_powered)
            {
                RenderUnpowered(firstSample, count, startUs);
                return;
            }

            SyncClocks(startUs);
            bool phantom = PhantomOn;
            if (phantom != _phantomSeen)
            {
                _phantomSeen = phantom;
                _phantomStep += phantom ? PhantomStepLevel : -PhantomStepLevel;
            }

            // The I2S data follows the clock master: the ESP32 when it clocks the codec, else the bridge.
            bool espPlayback = CodecClock.Running && (ClockSelect == null || ClockSelect.Level);
            bool usbPlayback = !espPlayback && Usb.PlaybackActive;
            SignalSource playbackLeft = espPlayback ? CodecClock.PlaybackLeft : (usbPlayback ? Usb.PlaybackLeft : SilenceSource.Instance);
            SignalSource playbackRight = espPlayback ? CodecClock.PlaybackRight : (usbPlayback ? Usb.PlaybackRight : SilenceSource.Instance);

            double decay = PhantomDecayPerSample;
            for (int i = 0; i < _inputSources.Length; i++)
            {
                InputDescription input = _description.Inputs[i];
                double[] pin = _codecInputs[input.CodecPin];
                _inputSources[i].Fill(pin, 0, count, firstSample);

                if (_phantomStep != 0)
                {
                    double step = _phantomStep;
                    for (int n = 0; n < count; n++)
                    {
                        pin[n] += step;
                        step *= decay;
                    }
                }

                if (input.CrossPin >= 0)
                {
                    Array.Copy(pin, 0, _codecInputs[input.CrossPin], 0, count);
                }
            }

            if (_phantomStep != 0)
            {
                _phantomStep *= Math.Pow(decay, count);
                if (Math.Abs(_phantomStep) < 1e-9)
                {
                    _phantomStep = 0;
                }
            }

            playbackLeft.Fill(_playback[0], 0, count, firstSample);

            // the same tone on both channels is rendered once, and both channels read that block
            bool sameTone = playbackRight.RendersSameAs(playbackLeft);
            _playbackBlocks[0] = _playback[0];
            _playbackBlocks[1] = sameTone ? _playback[0] : _playback[1];
            if (!sameTone)
            {
                playbackRight.Fill(_playback[1], 0, count, firstSample);
            }

            // Every codec hears the same inputs and the same I2S playback.
            for (int i = 0; i < _codecs.Length; i++)
            {
                CodecModel codec = _codecs[i];
                CodecDescription wiring = _description.Codecs[i];
                if (resumed)
                {
                    codec.SettleAnalog();
                }

                codec.Process(_codecInputs, _playbackBlocks, count, startUs);
                if (wiring.FeedsAdcTap)
                {
                    AdcTap.Push(codec.Capture(true), codec.Capture(false), count);
                }

                string glitch = codec.TakeGlitch();
                HeadphoneOutput output = _codecOutputs[i];
                if (resumed)
                {
                    _codecCoupling[i][0].Settle(codec.HeadphonePin(true), count);
                    _codecCoupling[i][1].Settle(codec.HeadphonePin(false), count);
                }

                bool silent = CouplingCapacitor.ProcessPair(_codecCoupling[i][0], _codecCoupling[i][1], codec.HeadphonePin(true), codec.HeadphonePin(false), output.Block(true), output.Block(false), count);
                ReportGlitch(output, startUs, glitch);
                output.Commit(count, firstSample, startUs, silent);
                if (FeedsAmplifier(wiring))
                {
                    bool lineOut = wiring.LineOutFeedsAmplifier;
                    OutputPin left = lineOut ? codec.LineOutPin(true) : codec.HeadphonePin(true);
                    OutputPin right = lineOut ? codec.LineOutPin(false) : codec.HeadphonePin(false);
                    if (resumed)
                    {
                        Amplifier.SettleInputs(left, right, count);
                    }

                    Amplifier.Process(left, right, MainJack.Block(true), MainJack.Block(false), count, startUs);
                    ReportGlitch(MainJack, startUs, glitch);
                    MainJack.Commit(count, firstSample, startUs);
                }
            }
        }

        private static void ReportGlitch(HeadphoneOutput output, long startUs, string glitch)
        {
            if (glitch != null)
            {
                output.ReportGlitch(startUs, glitch);
            }
        }

        private bool FeedsAmplifier(CodecDescription codec)
        {
            return (codec.Jack == JackRole.Main || codec.LineOutFeedsAmplifier) && _description.HasAmplifier;
        }

        // No supply: every output is dead quiet (the step from a live output to nothing is heard).
        private void RenderUnpowered(long firstSample, int count, long startUs)
        {
            for (int i = 0; i < _codecOutputs.Length; i++)
            {
                CommitSilence(_codecOutputs[i], count, firstSample, startUs);
                _codecCoupling[i][0].Discharge();
                _codecCoupling[i][1].Discharge();
            }

            if (Amplifier != null)
            {
                CommitSilence(MainJack, count, firstSample, startUs);
            }
        }

        private static void CommitSilence(HeadphoneOutput output, int count, long firstSample, long startUs)
        {
            Array.Clear(output.Block(true), 0, count);
            Array.Clear(output.Block(false), 0, count);
            output.Commit(count, firstSample, startUs, true);
        }

        // MCLK and LRCLK reach the codec from the ESP32 (clock select high) or from the USB bridge.
        private void SyncClocks(long nowUs)
        {
            if (Usb.StateChanges == _usbStateSeen && CodecClock.StateChanges == _codecClockStateSeen)
            {
                return;
            }

            _usbStateSeen = Usb.StateChanges;
            _codecClockStateSeen = CodecClock.StateChanges;
            double mclk = 0;
            double lrclk = 0;
            bool espSelected = CodecClock.Running && (ClockSelect == null || ClockSelect.Level);
            if (espSelected)
            {
                mclk = CodecClock.MclkHz;
                lrclk = CodecClock.LrclkHz;
            }
            else if (_description.HasUsbBridge && Usb.DrivesClocks)
            {
                mclk = Usb.MclkHz;
                lrclk = Usb.ClockRate;
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i].Clocks.Set(mclk, lrclk);
                _codecs[i].OnClocksChanged(nowUs);
            }

            // The ESP32 takes capture frames at the I2S frame rate, whatever the codec's registers say
            // (a codec not yet clocked right delivers silence at that rate).
            AdcTap.SetSampleRate((int)(lrclk + 0.5));
        }

        // ---- power ---------------------------------------------------------------------------------

        private void OnPowerChanged(bool on)
        {
            _powered = on;
            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i].SetPowered(on);
            }

            if (Expander != null)
            {
                Expander.SetPowered(on);
            }

            if (Amplifier != null)
            {
                Amplifier.SetPowered(on && (AmplifierShutdown == null || AmplifierShutdown.Level));
            }

            if (!on)
            {
                // the processor stops: no more ticks or timers
                Clock.StopTicks();
                Log.Write(LogLevel.Warning, "board", "power lost");
            }
        }

        // The one place that knows every codec model: a new model is one more case here.
        private static CodecModel NewCodec(CodecDescription codec)
        {
            switch (codec.Kind)
            {
                case CodecKind.Wm8960: return new Wm8960Model(codec.Address, codec.Name);
                case CodecKind.Es8388: return new Es8388Model(codec.Address, codec.Name);
                case CodecKind.Sgtl5000: return new Sgtl5000Model(codec.Address, codec.Name);
                default: throw new ArgumentException("no model for codec kind " + ((int)codec.Kind).ToString());
            }
        }

        private static double[][] NewBuffers(int count)
        {
            var buffers = new double[count][];
            for (int i = 0; i < count; i++)
            {
                buffers[i] = new double[AudioEngine.BlockFrames];
            }

            return buffers;
        }

        // ---- small board parts -------------------------------------------------------------------

        private sealed class FixedLoad : ICurrentConsumer
        {
            private readonly double _milliamps;
            private readonly VirtualBoard _board;

            public FixedLoad(string name, double milliamps, VirtualBoard board)
            {
                ConsumerName = name;
                _milliamps = milliamps;
                _board = board;
            }

            public string ConsumerName { get; }

            public double CurrentMilliamps
            {
                get { return _board._powered ? _milliamps : 0; }
            }
        }

        private sealed class LedLoad : ICurrentConsumer
        {
            private readonly PinDescription _pin;
            private readonly VirtualDigitalOutput _output;

            public LedLoad(PinDescription pin, VirtualDigitalOutput output)
            {
                _pin = pin;
                _output = output;
            }

            public string ConsumerName
            {
                get { return "LED " + _pin.Name; }
            }

            public double CurrentMilliamps
            {
                get { return _output.Level != _pin.ActiveLow ? 2.0 : 0; }
            }
        }

        /// <summary>The USB audio bridge: 10 mA with VBUS, 25 mA once a computer configured it.</summary>
        private sealed class UsbBridgeLoad : ICurrentConsumer
        {
            private readonly UsbHostModel _usb;

            public UsbBridgeLoad(UsbHostModel usb)
            {
                _usb = usb;
            }

            public string ConsumerName
            {
                get { return "USB bridge"; }
            }

            public double CurrentMilliamps
            {
                get { return _usb.HostConfigured ? 25.0 : 10.0; }
            }
        }
    }
}
