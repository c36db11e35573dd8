using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>
    /// Peak meters for the two channels of the ADC (what the computer records), read from the ADC
    /// tap every control-loop tick: the peak of each window of at least <see cref="WindowMs"/>
    /// (published at the end of the tick that completes it, so at ≥ 1000 / (WindowMs + tick) Hz),
    /// a peak hold, and a clip flag that stays up long enough to be seen. It is the tap's only
    /// reader: auto gain and the clip guard use what it found in the tick (<see cref="TickPeak"/>,
    /// <see cref="TickClipped"/>).
    /// </summary>
    /// <remarks>
    /// <para>The hot loop is integer only and allocates nothing: per sample an absolute value, two
    /// compares and a shift of the last two samples. Decibels are computed per window (integer
    /// table, <see cref="Dbfs"/>) and the inter-sample estimate (doubles) once per window.</para>
    /// <para>Inter-sample peaks: a sine's largest sample under-reads its true peak by up to
    /// 1/cos(π·f/fs) (0.02 dB at 1 kHz, 0.7 dB at 8 kHz, 3 dB at 12 kHz at 48 kHz when f/fs locks the
    /// phase). The window's largest sample and its two neighbours are kept; through three samples
    /// y₋, y₀, y₊ of a sine, cos ω = (y₋ + y₊) / 2y₀ and the amplitude is
    /// √(y₀² + ((y₊ − y₋) / 2 sin ω)²), exact for a sine. The estimate is used where it matters
    /// and is well conditioned (0 ≤ f ≲ 16 kHz: −0.5 &lt; cos ω &lt; 0.95; below ~2.4 kHz the sample
    /// peak is within 0.11 dB and read as is), and never raises the reading by more than 6 dB.
    /// For other content it is the peak of the local sine through the three samples: close to the
    /// true peak for tonal music and speech; on full-band noise it may read ~1–2 dB above the
    /// sample peak (noise's true peaks do lie above its samples too).</para>
    /// </remarks>
    public sealed class PeakMeter
    {
        public const int Channels = 2;

        /// <summary>Window over which a peak is taken (20 windows a second).</summary>
        public const int WindowMs = 50;

        /// <summary>How long a peak is held before the hold follows the level down.</summary>
        public const int DefaultHoldMs = 1500;

        /// <summary>A window within this of the held peak keeps the hold up (a steady level's windows differ by hundredths of a dB).</summary>
        public const int HoldRefreshCentiDb = 50;

        /// <summary>How long the clip flag stays up after the last clipped sample.</summary>
        public const int DefaultClipHoldMs = 500;

        /// <summary>A sample at or above this level (−0.1 dBFS, 8292000) counts as clipped.</summary>
        public const int ClipThresholdCentiDb = -10;

        /// <summary>Frames taken from the tap per read (the tap holds more; the tick reads until it is empty).</summary>
        public const int ReadFrames = 512;

        private const double MaxEstimateGain = 2.0;   // 6 dB: a sine's worst under-read at 16 kHz
        private const double CosUpperLimit = 0.95;    // ~2.4 kHz: below, the sample peak is within 0.11 dB
        private const double CosLowerLimit = -0.5;    // ~16 kHz: above, the fit is ill conditioned

        private readonly IAdcTap _tap;
        private readonly int[] _buffer = new int[2 * ReadFrames];
        private readonly int _holdMs;
        private readonly int _clipHoldMs;
        private readonly int _clipLevel;

        // per channel, running
        private readonly int[] _last = new int[Channels];       // the previous sample
        private readonly int[] _beforeLast = new int[Channels]; // the one before it
        private readonly int[] _windowMax = new int[Channels];  // largest |sample| so far in the window
        private readonly int[] _maxBefore = new int[Channels];  // its neighbours and itself (signed)
        private readonly int[] _maxValue = new int[Channels];
        private readonly int[] _maxAfter = new int[Channels];
        private readonly int[] _tickMax = new int[Channels];
        private readonly int[] _tickClips = new int[Channels];

        // per channel, published
        private readonly int[] _peak = new int[Channels];
        private readonly int[] _held = new int[Channels];
        private readonly long[] _heldAtMs = new long[Channels];
        private readonly long[] _clipUntilMs = new long[Channels];
        private readonly int[] _clipCount = new int[Channels];

        private int _windowFrames;
        private int _framesInWindow;
        private int _sampleRate;
        private int _tickFrames;
        private long _nowMs;
        private int _windows;

        public PeakMeter(IAdcTap tap)
            : this(tap, DefaultHoldMs, DefaultClipHoldMs)
        {
        }

        public PeakMeter(IAdcTap tap, int holdMs, int clipHoldMs)
        {
            if (tap == null)
            {
                throw new ArgumentNullException("tap");
            }

            _tap = tap;
            _holdMs = holdMs;
            _clipHoldMs = clipHoldMs;
            _clipLevel = Dbfs.ToAmplitude(ClipThresholdCentiDb);
            for (int c = 0; c < Channels; c++)
            {
                _peak[c] = Dbfs.FloorCentiDb;
                _held[c] = Dbfs.FloorCentiDb;
                _clipUntilMs[c] = long.MinValue;
            }
        }

        /// <summary>The last window's peak of channel <paramref name="channel"/> (0 left, 1 right) in 0.01 dBFS (inter-sample estimate).</summary>
        public int PeakCentiDb(int channel)
        {
            return _peak[channel];
        }

        /// <summary>The highest window peak, held until the level has stayed more than <see cref="HoldRefreshCentiDb"/> below it for the hold time (<see cref="DefaultHoldMs"/>), in 0.01 dBFS.</summary>
        public int HeldCentiDb(int channel)
        {
            return _held[channel];
        }

        /// <summary>True while a clipped sample is less than the clip hold old (for the clip LED).</summary>
        public bool Clipping(int channel)
        {
            return _nowMs < _clipUntilMs[channel];
        }

        /// <summary>Clipped samples since start-up (per channel).</summary>
        public int ClipCount(int channel)
        {
            return _clipCount[channel];
        }

        /// <summary>Windows published since start-up.</summary>
        public int Windows
        {
            get { return _windows; }
        }

        /// <summary>Frames read from the tap in the last <see cref="Update"/>.</summary>
        public int TickFrames
        {
            get { return _tickFrames; }
        }

        /// <summary>The largest |sample| read in the last <see cref="Update"/> (0…8388607; a sample peak, no estimate).</summary>
        public int TickPeak(int channel)
        {
            return _tickMax[channel];
        }

        /// <summary>True when a sample read in the last <see cref="Update"/> was at or above the clip threshold.</summary>
        public bool TickClipped(int channel)
        {
            return _tickClips[channel] > 0;
        }

        /// <summary>The tap's sample rate when last read (0 while the ADC is not clocked).</summary>
        public int SampleRate
        {
            get { return _sampleRate; }
        }

        /// <summary>Reads every new frame from the tap and publishes completed windows; call once per control-loop tick.</summary>
        public void Update(long nowMs)
        {
            _nowMs = nowMs;
            int rate = _tap.SampleRate;
            if (rate != _sampleRate)
            {
                _sampleRate = rate;
                _windowFrames = rate * WindowMs / 1000;
            }

            _tickFrames = 0;
            for (int c = 0; c < Channels; c++)
            {
                _tickMax[c] = 0;
                _tickClips[c] = 0;
            }

            int frames;
            while ((frames = _tap.ReadFrames(_buffer, 0, ReadFrames)) > 0)
            {
                _tickFrames += frames;
                Scan(0, frames);
                Scan(1, frames);
                _framesInWindow += frames;
            }

            for (int c = 0; c < Channels; c++)
            {
                if (_tickClips[c] > 0)
                {
                    _clipCount[c] += _tickClips[c];
                    _clipUntilMs[c] = nowMs + _clipHoldMs;
                }
            }

            if (_windowFrames > 0 && _framesInWindow >= _windowFrames)
            {
                Publish(nowMs);
            }
        }

        // One channel of the buffer. A sample becomes a peak candidate one sample late, when its
        // right-hand neighbour is known (the last sample of a read waits for the next read).
        private void Scan(int channel, int frames)
        {
            int last = _last[channel];
            int beforeLast = _beforeLast[channel];
            int windowMax = _windowMax[channel];
            int tickMax = _tickMax[channel];
            int clips = _tickClips[channel];
            int clipLevel = _clipLevel;
            int lastAbs = last < 0 ? -last : last;
            int end = 2 * frames;
            for (int i = channel; i < end; i += 2)
            {
                int sample = _buffer[i];
                int size = sample < 0 ? -sample : sample;
                if (size > tickMax)
                {
                    tickMax = size;
                }

                if (size >= clipLevel)
                {
                    clips++;
                }

                if (lastAbs > windowMax)
                {
                    windowMax = lastAbs;
                    _maxBefore[channel] = beforeLast;
                    _maxValue[channel] = last;
                    _maxAfter[channel] = sample;
                }

                beforeLast = last;
                last = sample;
                lastAbs = size;
            }

            _last[channel] = last;
            _beforeLast[channel] = beforeLast;
            _windowMax[channel] = windowMax;
            _tickMax[channel] = tickMax;
            _tickClips[channel] = clips;
        }

        private void Publish(long nowMs)
        {
            for (int c = 0; c < Channels; c++)
            {
                int amplitude = _windowMax[c] == 0 ? 0 : EstimatePeak(_maxBefore[c], _maxValue[c], _maxAfter[c]);
                int peak = Dbfs.FromAmplitude(amplitude);
                _peak[c] = peak;
                if (peak >= _held[c] || nowMs - _heldAtMs[c] >= _holdMs)
                {
                    _held[c] = peak;
                    _heldAtMs[c] = nowMs;
                }
                else if (peak >= _held[c] - HoldRefreshCentiDb)
                {
                    _heldAtMs[c] = nowMs; // a steady level keeps its hold: it lets go HoldMs after the level left it
                }

                _windowMax[c] = 0;
            }

            _framesInWindow = 0;
            _windows++;
        }

        /// <summary>
        /// The true peak of the sine through three consecutive samples (the middle one the largest),
        /// or the middle sample's size where the fit is not needed or not trustworthy.
        /// </summary>
        public static int EstimatePeak(int before, int peak, int after)
        {
            double y0 = peak < 0 ? -(double)peak : peak;
            if (y0 == 0)
            {
                return 0;
            }

            double sign = peak < 0 ? -1.0 : 1.0;
            double yBefore = before * sign;
            double yAfter = after * sign;
            double cosine = (yBefore + yAfter) / (2.0 * y0);
            if (cosine >= CosUpperLimit || cosine <= CosLowerLimit)
            {
                return (int)y0;
            }

            double sine = SquareRoot(1.0 - cosine * cosine);
            double slope = (yAfter - yBefore) / (2.0 * sine);
            double amplitude = SquareRoot(y0 * y0 + slope * slope);
            double limit = y0 * MaxEstimateGain;
            if (amplitude > limit)
            {
                amplitude = limit;
            }

            return amplitude >= int.MaxValue ? int.MaxValue : (int)(amplitude + 0.5);
        }

        // Newton's iteration (System.Math is a separate package on the device): from above, to a
        // relative error far below the 24-bit resolution. Runs once per window.
        private static double SquareRoot(double value)
        {
            if (value <= 0)
            {
                return 0;
            }

            double root = value >= 1 ? value : 1;
            for (int i = 0; i < 64; i++)
            {
                double next = 0.5 * (root + value / root);
                if (next >= root)
                {
                    break;
                }

                root = next;
            }

            return root;
        }
    }
}
