namespace InterfaceFirmware.Drivers.Codec
{
    /// <summary>A codec's power state; transitions between them run pop-free sequences over ticks.</summary>
    public enum CodecPowerState
    {
        /// <summary>Bias off: nothing powered, the outputs discharged.</summary>
        Off = 0,

        /// <summary>Bias (VMID/VREF) up and settled, outputs tied off quietly; ready to go On quickly.</summary>
        Standby = 1,

        /// <summary>Converters, mixers and outputs powered; the outputs come up muted and open when un-muted.</summary>
        On = 2,
    }

    /// <summary>
    /// The signal blocks of a codec a caller may not need (bits; <see cref="All"/> by default):
    /// the rest (bias, input stages, the monitor paths, mixers, the headphone drivers) follows the
    /// power state alone. Which power bits each block is, is the chip driver's (WM8960: the DACs in
    /// R26 / the ADCs in R25; ES8388: DACPOWER PDNDACL/R with DAC_DIGPDN / ADCPOWER PDNADCL/R with
    /// ADC_DIGPDN; SGTL5000: I2S_IN / I2S_OUT in CHIP_DIG_POWER, its ADC, DAP and DAC carrying the
    /// monitor and staying). See <see cref="IAudioCodec.SetBlocksNeeded"/>.
    /// </summary>
    public enum CodecBlocks
    {
        None = 0,

        /// <summary>Playback from the I2S bus: the DAC (and its I2S input) reaching the outputs.</summary>
        Playback = 1,

        /// <summary>Capture to the I2S bus: the ADC (and its I2S output) feeding the board's capture line.</summary>
        Capture = 2,

        /// <summary>
        /// Line outputs beside the headphone output (the SGTL5000's LINEOUT). They follow the wish
        /// only when the bias comes up from Off: the SGTL5000's line amplifiers must be powered
        /// before VAG ramps up and stay until it is down (datasheet, CHIP_ANA_POWER), so a
        /// change while the bias is up waits for the next power-up from Off.
        /// </summary>
        LineOutputs = 4,

        All = 7,
    }

    /// <summary>Which analogue input feeds a channel's ADC (and its monitor path).</summary>
    public enum InputSource
    {
        Input1 = 0,
        Input2 = 1,
        Input3 = 2,

        /// <summary>Input 1 minus input 2 (balanced sources), where the codec can.</summary>
        Differential = 3,
    }

    /// <summary>Framing of the I2S data.</summary>
    public enum InterfaceFormat
    {
        I2s = 0,
        LeftJustified = 1,
        RightJustified = 2,
        Dsp = 3,
    }

    /// <summary>A left/right pair of gains in hundredths of a dB (<see cref="GainScale.Muted"/> = muted).</summary>
    public struct StereoGain
    {
        public int Left;
        public int Right;

        public StereoGain(int left, int right)
        {
            Left = left;
            Right = right;
        }

        public static StereoGain Both(int centiDb)
        {
            return new StereoGain(centiDb, centiDb);
        }
    }

    /// <summary>
    /// Gains of the monitor paths (input → headphone output, zero latency), in hundredths of a dB,
    /// <see cref="GainScale.Muted"/> for a path that is off. The cross paths (left input to the
    /// right ear and back) exist only on codecs whose capabilities say so. On a codec that mixes the
    /// monitor digitally ahead of its DAC (<see cref="CodecCapabilities.MonitorInDigitalMixer"/>),
    /// <see cref="Playback"/> is playback's gain into that mixer; other codecs ignore it.
    /// </summary>
    public struct MonitorGains
    {
        public int LeftToLeft;
        public int LeftToRight;
        public int RightToLeft;
        public int RightToRight;

        /// <summary>Playback's gain into a digital monitor mixer (0 = unity, the default; Muted = off).</summary>
        public int Playback;

        public static MonitorGains Off()
        {
            var gains = new MonitorGains();
            gains.LeftToLeft = GainScale.Muted;
            gains.LeftToRight = GainScale.Muted;
            gains.RightToLeft = GainScale.Muted;
            gains.RightToRight = GainScale.Muted;
            return gains;
        }

        /// <summary>Each input to its own side only.</summary>
        public static MonitorGains Straight(int centiDb)
        {
            MonitorGains gains = Off();
            gains.LeftToLeft = centiDb;
            gains.RightToRight = centiDb;
            return gains;
        }
    }

    /// <summary>
    /// What a codec can do, so the mixer and the volume control can plan without knowing the chip:
    /// each gain stage's scale (range, steps, mute) and the routes that exist. Read-only once built.
    /// </summary>
    public sealed class CodecCapabilities
    {
        public CodecCapabilities(GainScale inputGain, GainScale adcVolume, GainScale dacVolume, GainScale monitorGain, GainScale headphoneVolume,
            bool monitorCrossFeed, bool zeroCrossVolume, int headphoneOutputs, int inputCount, bool differentialInput, bool hasPll, bool jackDetect,
            bool monitorInDigitalMixer)
        {
            MonitorInDigitalMixer = monitorInDigitalMixer;
            InputGain = inputGain;
            AdcVolume = adcVolume;
            DacVolume = dacVolume;
            MonitorGain = monitorGain;
            HeadphoneVolume = headphoneVolume;
            MonitorCrossFeed = monitorCrossFeed;
            ZeroCrossVolume = zeroCrossVolume;
            HeadphoneOutputs = headphoneOutputs;
            InputCount = inputCount;
            DifferentialInput = differentialInput;
            HasPll = hasPll;
            JackDetect = jackDetect;
        }

        /// <summary>Input gain before the ADC and the monitor path (PGA and boost together).</summary>
        public GainScale InputGain { get; }

        /// <summary>ADC digital volume (what the computer records).</summary>
        public GainScale AdcVolume { get; }

        /// <summary>DAC digital volume (playback).</summary>
        public GainScale DacVolume { get; }

        /// <summary>Gain of a monitor path into the output mixer (or the digital mixer, see <see cref="MonitorInDigitalMixer"/>).</summary>
        public GainScale MonitorGain { get; }

        /// <summary>
        /// The monitor is mixed in the digital domain ahead of the DAC volume (the SGTL5000's DAP
        /// mixer: the ADC beside I2S playback), not in an analogue output mixer after it: the level
        /// lies on the DAC and the output, and the blend on the mixer's two inputs
        /// (<see cref="MonitorGains.Playback"/> and the monitor paths).
        /// </summary>
        public bool MonitorInDigitalMixer { get; }

        /// <summary>Headphone output volume.</summary>
        public GainScale HeadphoneVolume { get; }

        /// <summary>A left input can reach the right output (and back) in the analogue monitor.</summary>
        public bool MonitorCrossFeed { get; }

        /// <summary>Volume changes land at zero crossings (no zipper noise without ramping).</summary>
        public bool ZeroCrossVolume { get; }

        /// <summary>Headphone outputs the codec drives itself.</summary>
        public int HeadphoneOutputs { get; }

        /// <summary>Inputs the codec can select (Input1.. and, where true, Differential).</summary>
        public int InputCount { get; }

        public bool DifferentialInput { get; }

        /// <summary>The codec can reach 44.1 kHz and 48 kHz from a fixed crystal (a PLL).</summary>
        public bool HasPll { get; }

        /// <summary>Jack detect wired to the codec and readable through it (false: the board reads it on a GPIO).</summary>
        public bool JackDetect { get; }
    }
}
