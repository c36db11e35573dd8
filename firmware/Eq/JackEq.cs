using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// One jack's EQ and limiter in its SGTL5000's DAP: the preset designed for the rate the codec
    /// runs at and loaded behind a mute (the biquads apply one at a time at their strobes): at once
    /// while the jack is closed (the firmware keeps it closed until the first load), through the
    /// <see cref="EqLoader"/>'s fade while it plays (the DAC's soft-mute ramp down and back, the
    /// jack's stages left as they are). And the limiter's threshold, kept at the jack's cap for
    /// the gain that follows the DAP (DAC, headphone volume, amplifier).
    /// </summary>
    public sealed class JackEq
    {
        private readonly EqLoader _loader;
        private readonly Sgtl5000Codec _codec;
        private readonly EqPreset _preset = new EqPreset();
        private readonly EqPlan _plan = new EqPlan();
        private int _loadedPreset = -1;
        private int _loadedRate;
        private int _loadedRevision;
        private int _limiterCap = Settings.LimiterOff;
        private int _limiterGain;
        private bool _limiterKnown;

        public JackEq(Sgtl5000Codec codec)
        {
            _codec = codec;
            _loader = new EqLoader(codec);
        }

        /// <summary>A faded load is under way: it owns the codec's mute until it is done.</summary>
        public bool Busy
        {
            get { return _loader.Busy; }
        }

        /// <summary>Call every control tick (after the codec's own Tick).</summary>
        public void Tick(long nowMs)
        {
            _loader.Tick(nowMs);
        }

        /// <summary>The plan loaded last (its preamp, its curve).</summary>
        public EqPlan Plan
        {
            get { return _plan; }
        }

        /// <summary>The preset loaded last (-1 before the first load or after <see cref="Forget"/>).</summary>
        public int LoadedPreset
        {
            get { return _loadedPreset; }
        }

        /// <summary>The DAP_AVC_THRESHOLD the limiter holds, or -1 when it is off.</summary>
        public int LimiterThreshold { get; private set; } = -1;

        /// <summary>
        /// Preset <paramref name="preset"/> at <paramref name="rate"/>, its band gains at edit
        /// <paramref name="revision"/>, is not what the chip runs (rate 0: not clocked, nothing to load).
        /// </summary>
        public bool Pending(int preset, int rate, int revision)
        {
            return rate != 0 && (preset != _loadedPreset || rate != _loadedRate || revision != _loadedRevision);
        }

        /// <summary>The chip lost or was given new registers (a re-sync, a take-over): load again, set the limiter again.</summary>
        public void Forget()
        {
            _loader.Abandon();
            _loadedPreset = -1;
            _loadedRate = 0;
            _limiterKnown = false;
        }

        /// <summary>
        /// Designs preset <paramref name="preset"/> of <paramref name="library"/> for <paramref name="rate"/>
        /// and writes it: at once if the codec is muted or not on, else behind a fade (<see cref="Busy"/> meanwhile).
        /// </summary>
        public DriverStatus Load(EqLibrary library, int preset, JackSettings jack, int rate, int revision, long nowMs)
        {
            library.Load(preset, jack, _preset);
            _plan.Compute(_preset, rate);
            DriverStatus status = _loader.Load(_plan, nowMs);
            if (status == DriverStatus.Ok)
            {
                _loadedPreset = preset;
                _loadedRate = rate;
                _loadedRevision = revision;
            }

            return status;
        }

        /// <summary>
        /// Holds peaks at the jack under <paramref name="capCentiDbV"/> (0.01 dBV; <see cref="Settings.LimiterOff"/>: off)
        /// with <paramref name="gainCentiDb"/> after the DAP and <paramref name="fullScaleCentiDbV"/> for a
        /// full-scale sine at 0 dB of gain. Writes only when the cap or the gain changed.
        /// </summary>
        public void UpdateLimiter(int capCentiDbV, int fullScaleCentiDbV, int gainCentiDb)
        {
            if (_limiterKnown && capCentiDbV == _limiterCap && gainCentiDb == _limiterGain)
            {
                return;
            }

            _limiterKnown = true;
            _limiterCap = capCentiDbV;
            _limiterGain = gainCentiDb;
            int threshold = capCentiDbV == Settings.LimiterOff ? 0 : capCentiDbV - fullScaleCentiDbV - gainCentiDb;
            if (threshold >= 0)
            {
                // Off, or a cap above what a full-scale DAP output reaches at this gain (the EQ's
                // preamp keeps the DAP's output under full scale): nothing to limit.
                PeakLimiter.Disable(_codec);
                LimiterThreshold = -1;
                return;
            }

            PeakLimiter.Enable(_codec, threshold);
            LimiterThreshold = PeakLimiter.ThresholdCode(threshold / 100.0);
        }
    }
}
