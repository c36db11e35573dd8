using System;
using System.Runtime.CompilerServices;
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

        private readonly int[] _ring;
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
            _ring = new int[2 * capacityFrames];
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

        /// <summary>Stores <paramref name="count"/> frames (full-scale units, clipped to ±1) as 24-bit values.</summary>
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
            Store(_ring, write, left, right, 0, first);
            for (int done = first; done < count; done += _capacity)
            {
                // wrapped: again from the ring's start
                Store(_ring, 0, left, right, done, count - done < _capacity ? count - done : _capacity);
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

        // Frames from..from+frames into the ring at `write` (no wrap), in a method with only the loop.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Store(int[] ring, int write, double[] left, double[] right, int from, int frames)
        {
            for (int i = 0; i < frames; i++)
            {
                ring[2 * (write + i)] = ToInt24(left[from + i]);
                ring[2 * (write + i) + 1] = ToInt24(right[from + i]);
            }
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
                interleaved[offset + 2 * i] = _ring[2 * _readIndex];
                interleaved[offset + 2 * i + 1] = _ring[2 * _readIndex + 1];
                _readIndex++;
                if (_readIndex == _capacity)
                {
                    _readIndex = 0;
                }
            }

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
