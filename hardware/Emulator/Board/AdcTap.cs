using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The codec's ADC output as the firmware taps it (<see cref="IAdcTap"/>): the audio engine
    /// pushes rendered frames, the firmware reads the ones it has not seen, oldest first. A ring of
    /// fixed capacity: when the firmware reads too slowly, the oldest unread frames are dropped and
    /// counted in <see cref="Overruns"/>.
    /// </summary>
    public sealed class AdcTap : IAdcTap
    {
        /// <summary>24-bit full scale.</summary>
        public const int FullScale = 8388607;

        // The frames as pushed (full-scale units); converted to 24-bit values when read, so the
        // frames nobody reads (dropped, or a tap without a reader) cost a copy, not a conversion.
        private readonly double[] _left;
        private readonly double[] _right;
        private int[] _scratch;
        private readonly int _capacity;
        private int _readIndex;
        private int _count;
        private int _sampleRate;
        private int _overruns;

        public AdcTap(int capacityFrames)
        {
            if (capacityFrames <= 0)
            {
                throw new ArgumentOutOfRangeException("capacityFrames");
            }

            _capacity = capacityFrames;
            _left = new double[capacityFrames];
            _right = new double[capacityFrames];
        }

        public int SampleRate
        {
            get { return _sampleRate; }
        }

        public int CapacityFrames
        {
            get { return _capacity; }
        }

        /// <summary>Frames stored and not yet read.</summary>
        public int AvailableFrames
        {
            get { return _count; }
        }

        /// <summary>Frames dropped unread because the ring was full.</summary>
        public int Overruns
        {
            get { return _overruns; }
        }

        /// <summary>Sets the tapped stream's rate (0 while the ADC is not clocked).</summary>
        public void SetSampleRate(int hz)
        {
            if (hz < 0)
            {
                throw new ArgumentOutOfRangeException("hz");
            }

            _sampleRate = hz;
        }

        /// <summary>Stores <paramref name="count"/> frames (full-scale units); they read as 24-bit values, clipped to ±1 (<see cref="ToInt24"/>).</summary>
        public void Push(double[] left, double[] right, int count)
        {
            if (left == null || right == null)
            {
                throw new ArgumentNullException(left == null ? "left" : "right");
            }

            if (count < 0 || count > left.Length || count > right.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            // write the block after the newest frame, wrapping; then drop whatever the ring could not hold
            int write = (_readIndex + _count) % _capacity;
            int first = count < _capacity - write ? count : _capacity - write;
            Array.Copy(left, 0, _left, write, first);
            Array.Copy(right, 0, _right, write, first);
            for (int done = first; done < count; done += _capacity)
            {
                // wrapped: again from the ring's start
                int frames = count - done < _capacity ? count - done : _capacity;
                Array.Copy(left, done, _left, 0, frames);
                Array.Copy(right, done, _right, 0, frames);
            }

            _count += count;
            if (_count > _capacity)
            {
                int dropped = _count - _capacity;
                _overruns += dropped;
                _readIndex = (_readIndex + dropped) % _capacity;
                _count = _capacity;
            }
        }

        /// <summary>Reads the frames as <see cref="ReadFrames"/> does and reports their peaks (<see cref="StretchPeaks.Find"/>).</summary>
        public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
        {
            if (peaks == null)
            {
                throw new ArgumentNullException("peaks");
            }

            if (_scratch == null || _scratch.Length < 2 * maxFrames)
            {
                _scratch = new int[2 * maxFrames];
            }

            int frames = ReadFrames(_scratch, 0, maxFrames);
            peaks.Find(_scratch, 0, frames, stride);
            return frames;
        }

        public int ReadFrames(int[] interleaved, int offset, int maxFrames)
        {
            if (interleaved == null)
            {
                throw new ArgumentNullException("interleaved");
            }

            if (offset < 0 || maxFrames < 0 || offset + 2 * maxFrames > interleaved.Length)
            {
                throw new ArgumentOutOfRangeException("maxFrames");
            }

            int frames = _count < maxFrames ? _count : maxFrames;
            for (int i = 0; i < frames; i++)
            {
                interleaved[offset + 2 * i] = ToInt24(_left[_readIndex]);
                interleaved[offset + 2 * i + 1] = ToInt24(_right[_readIndex]);
                _readIndex++;
                if (_readIndex == _capacity)
                {
                    _readIndex = 0;
                }
            }

            _count -= frames;
            return frames;
        }

        public int SkipFrames(int maxFrames)
        {
            if (maxFrames < 0)
            {
                throw new ArgumentOutOfRangeException("maxFrames");
            }

            int frames = _count < maxFrames ? _count : maxFrames;
            _readIndex = (_readIndex + frames) % _capacity;
            _count -= frames;
            return frames;
        }

        /// <summary>value × 8388607, rounded (half to even), clipped to ±8388607; NaN reads as 0.</summary>
        public static int ToInt24(double value)
        {
            double scaled = value * FullScale;
            if (scaled >= FullScale)
            {
                return FullScale;
            }

            if (scaled <= -FullScale)
            {
                return -FullScale;
            }

            if (double.IsNaN(scaled))
            {
                return 0;
            }

            return (int)Math.Round(scaled);
        }
    }
}
