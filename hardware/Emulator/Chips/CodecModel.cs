using System;
using System.Collections;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// What every codec model shares and what the board talks to: the register file, the clocks
    /// at its pins, VMID and its decoupling capacitor, the headphone output pins and the ADC
    /// capture of the block just processed, clock glitches under live outputs, features the
    /// firmware enabled that the model does not render, and the supply current. A model adds its
    /// register protocol, its clock rules and its audio path (<see cref="Process"/>).
    /// </summary>
    public abstract class CodecModel : I2cChipModel, ICurrentConsumer
    {
        /// <summary>VMID in full-scale units: AVDD/2 = 1.65 V over a 1.41 V full-scale peak.</summary>
        public const double VmidLevel = 1.17;

        /// <summary>Resistance a driven output presents (the headphone driver's output impedance).</summary>
        public const double DrivenOhms = 0.1;

        /// <summary>The register file (value last written, or the reset value).</summary>
        protected readonly int[] _registers;

        /// <summary>The headphone output pins (left = 0, right = 1) for the block just processed.</summary>
        protected readonly OutputPin[] _pins = { new OutputPin(), new OutputPin() };

        /// <summary>The ADC's output for the block just processed (digital full scale).</summary>
        protected readonly double[][] _capture = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };

        /// <summary>VMID for each sample of the block being processed.</summary>
        protected readonly double[] _vmidTrack = new double[AudioEngine.BlockFrames];

        /// <summary>Present VMID voltage (full-scale units).</summary>
        protected double _vmid;

        /// <summary>
        /// Every entry of <see cref="_vmidTrack"/> holds the settled VMID (<see cref="ChargeVmid"/>
        /// then leaves it as it is); whatever else writes the track clears this.
        /// </summary>
        protected bool _vmidTrackSettled;

        /// <summary>Time of the last bus access or block, for clock rules that need it.</summary>
        protected long _nowUs;

        private readonly ArrayList _unmodelled = new ArrayList();
        private readonly ArrayList _clockEvents = new ArrayList();
        private readonly CodecClocks _clocks = new CodecClocks();
        private double _loadCurrentMa;
        private string _pendingGlitch;

        protected CodecModel(string name, int address, int registerCount)
            : base(name, address)
        {
            _registers = new int[registerCount];
        }

        public string ConsumerName
        {
            get { return Name; }
        }

        /// <summary>The clocks arriving at MCLK and LRCLK (set by the board).</summary>
        public CodecClocks Clocks
        {
            get { return _clocks; }
        }

        /// <summary>Features the firmware enabled that this model does not render (text).</summary>
        public ArrayList UnmodelledFeatures
        {
            get { return _unmodelled; }
        }

        /// <summary>Clock problems while outputs were live (text with time), also reported as glitches at the outputs.</summary>
        public ArrayList ClockEvents
        {
            get { return _clockEvents; }
        }

        /// <summary>How many analogue input pins <see cref="Process"/> takes (see the model's Process).</summary>
        public abstract int InputPinCount { get; }

        /// <summary>The register's value (what a driver's shadow copy should hold); 0 outside the register file.</summary>
        public int Register(int index)
        {
            return index >= 0 && index < _registers.Length ? _registers[index] : 0;
        }

        /// <summary>A field's value: <paramref name="value"/> masked with the field's mask, shifted down.</summary>
        public static int Field(int value, int mask)
        {
            return (value & mask) / (mask & -mask);
        }

        /// <summary>The headphone output pin of one side for the block just processed.</summary>
        public OutputPin HeadphonePin(bool left)
        {
            return _pins[left ? 0 : 1];
        }

        /// <summary>A second (line) output pin of one side for the block just processed; null where the codec has none.</summary>
        public virtual OutputPin LineOutPin(bool left)
        {
            return null;
        }

        /// <summary>What the ADC delivered for the block just processed (digital full scale).</summary>
        public double[] Capture(bool left)
        {
            return _capture[left ? 0 : 1];
        }

        /// <summary>Present VMID voltage (full-scale units).</summary>
        public double Vmid
        {
            get { return _vmid; }
        }

        /// <summary>True once VMID is within 1 % of its target (or both are zero).</summary>
        public bool VmidSettled
        {
            get { return Math.Abs(_vmid - VmidTarget) <= 0.01 * VmidLevel; }
        }

        /// <summary>
        /// Rendering resumes after time passed unrendered (VMID is tracked per rendered sample): VMID
        /// is where the present registers and supply have long taken it.
        /// </summary>
        public void SettleAnalog()
        {
            _vmid = VmidTarget;
        }

        /// <summary>Where VMID is heading with the present registers and supply.</summary>
        protected abstract double VmidTarget { get; }

        /// <summary>The codec is the I2S master: it drives LRCLK and BCLK.</summary>
        public abstract bool IsMaster { get; }

        /// <summary>The DAC's frame rate from the registers and MCLK; 0 without a clock.</summary>
        public abstract double DacSampleRate { get; }

        /// <summary>Null when the clocks are consistent; otherwise what is wrong.</summary>
        public abstract string ClockProblem { get; }

        public bool ClocksValid
        {
            get { return ClockProblem == null; }
        }

        /// <summary>True when a headphone output carries something audible: a clock change now would be heard.</summary>
        public abstract bool OutputsLive { get; }

        /// <summary>The board calls this when MCLK or LRCLK at the pins change.</summary>
        public void OnClocksChanged(long nowUs)
        {
            _nowUs = nowUs;
            CheckClocks(nowUs);
        }

        /// <summary>Compares the clocks with the last check; a change under live outputs is a glitch.</summary>
        protected abstract void CheckClocks(long nowUs);

        // Two clocks count as the same rate within 0.1 % (crystal and PLL tolerances).
        private const double RateTolerance = 0.001;

        private double _lastDacFs;

        /// <summary><paramref name="value"/> is <paramref name="target"/> within the rate tolerance (a target of 0 never matches).</summary>
        protected static bool NearRate(double value, double target)
        {
            return target > 0 && System.Math.Abs(value - target) <= target * RateTolerance;
        }

        /// <summary>
        /// A <see cref="CheckClocks"/> for codecs whose outputs follow one DAC frame rate: a change of
        /// <paramref name="dacFs"/> (0: no valid clocks) while an output is audible is a glitch.
        /// </summary>
        protected void CheckDacRate(long nowUs, double dacFs)
        {
            if (dacFs != _lastDacFs && OutputsLive)
            {
                ReportClockGlitch(nowUs, "clock changed under live outputs: DAC fs " + _lastDacFs.ToString("F0") + " → " + dacFs.ToString("F0") + " Hz");
            }

            _lastDacFs = dacFs;
        }

        /// <summary>Records a clock change heard at the outputs (reported once by <see cref="TakeGlitch"/>).</summary>
        protected void ReportClockGlitch(long nowUs, string what)
        {
            _clockEvents.Add((nowUs / 1000).ToString() + " ms: " + what);
            _pendingGlitch = what;
        }

        /// <summary>A clock problem to report at the outputs, once.</summary>
        public string TakeGlitch()
        {
            string glitch = _pendingGlitch;
            _pendingGlitch = null;
            return glitch;
        }

        /// <summary>
        /// Processes one block: <paramref name="inputs"/> are the analogue input pins (full-scale
        /// units, relative to VMID), <paramref name="playback"/> the I2S data (left, right). Results:
        /// <see cref="HeadphonePin"/> and <see cref="Capture"/>.
        /// </summary>
        public abstract void Process(double[][] inputs, double[][] playback, int count, long startUs);

        /// <summary>Rough supply current (datasheet-order figures, not measured).</summary>
        public abstract double CurrentMilliamps { get; }

        /// <summary>The headphone load's share of <see cref="CurrentMilliamps"/>, from the last block.</summary>
        protected double LoadCurrentMilliamps
        {
            get { return _loadCurrentMa; }
        }

        /// <summary>Headphone current into 32 Ω, roughly: rms of the driven signal × 1.41 V/FS / 32 Ω.</summary>
        protected void SetHeadphoneLoad(double signalPower, int count)
        {
            _loadCurrentMa = Math.Sqrt(signalPower / (2.0 * count + 1e-9)) * 1.41 / 32.0 * 1000.0;
        }

        /// <summary>Without supply the VMID capacitor discharges: the next power-up starts from zero.</summary>
        protected override void OnPowerChanged(bool powered)
        {
            if (!powered)
            {
                _vmid = 0;
            }
        }

        protected bool Bit(int register, int mask)
        {
            return (_registers[register] & mask) != 0;
        }

        protected void NoteUnmodelled(bool enabled, string feature)
        {
            if (enabled && !_unmodelled.Contains(feature))
            {
                _unmodelled.Add(feature);
            }
        }

        /// <summary>
        /// VMID for each sample of the block into <see cref="_vmidTrack"/>: the decoupling capacitor
        /// charges (or discharges) towards <paramref name="target"/> with time constant
        /// <paramref name="tauSeconds"/>; once there it stays put.
        /// </summary>
        protected void ChargeVmid(double target, double tauSeconds, int count)
        {
            double vmid = _vmid;
            if (Math.Abs(target - vmid) < 1e-12)
            {
                // settled, the common case: the whole track holds the target (written once)
                if (!_vmidTrackSettled || _vmidTrack[0] != target)
                {
                    for (int i = 0; i < _vmidTrack.Length; i++)
                    {
                        _vmidTrack[i] = target;
                    }

                    _vmidTrackSettled = true;
                }

                _vmid = target;
                return;
            }

            _vmidTrackSettled = false;
            double step = 1.0 - Math.Exp(-1.0 / (tauSeconds * AudioEngine.SampleRate));
            for (int i = 0; i < count; i++)
            {
                vmid += (target - vmid) * step;
                _vmidTrack[i] = vmid;
            }

            _vmid = vmid;
        }
    }
}
