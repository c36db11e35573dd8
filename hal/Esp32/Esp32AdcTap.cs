using System;
using System.Device.I2s;
using System.Threading;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// The codec's ADC data as the ESP32 receives it on I2S, kept raw in a preallocated
    /// <see cref="AdcBlockRing"/> for metering and auto gain. It listens only while
    /// <see cref="Esp32CodecClock"/> runs the I2S controller as master (standalone mode, dev boards):
    /// nanoFramework's driver routes the data-in pin in no other mode, so in USB mode (the bridge is
    /// master) the tap is silent and <see cref="SampleRate"/> is 0.
    /// </summary>
    /// <remarks>
    /// A reader thread blocks in <see cref="I2sDevice.Read"/> for one block at a time (the native
    /// read waits until the block is full), straight into the ring's bytes: no per-sample managed
    /// work (converting every frame as it came, ≈60 IL a frame, would have taken more than the
    /// whole interpreter at 48 kHz). The firmware's tick converts only the frames it reads. When
    /// the ring is full the oldest frames are dropped; when the interpreter cannot keep up with the
    /// DMA, the driver drops DMA buffers instead, so the ring holds contiguous blocks with gaps
    /// between them — fine for levels, not for recording. The driver delivers 32-bit slots as
    /// little-endian left then right (its frame map for 32-bit stereo); the 24-bit value is the top
    /// three bytes. 24-bit reads are not used: the driver's byte count for them is computed with an
    /// integer 8/6 and fills only three quarters of the buffer.
    /// </remarks>
    public sealed class Esp32AdcTap : IAdcTap
    {
        private readonly object _lock = new object();
        private readonly AdcBlockRing _ring;
        private int _sampleRate;
        private I2sDevice _device;
        private Thread _reader;
        private bool _running;

        /// <param name="ringFrames">Frames the ring holds, a whole number of blocks (e.g. 2048 ≈ 43 ms at 48 kHz).</param>
        /// <param name="blockFrames">Frames per I2S read (e.g. 128 ≈ 2.7 ms at 48 kHz).</param>
        public Esp32AdcTap(int ringFrames, int blockFrames)
        {
            _ring = new AdcBlockRing(ringFrames, blockFrames);
        }

        public int SampleRate
        {
            get { return _sampleRate; }
        }

        public int ReadFrames(int[] interleaved, int offset, int maxFrames)
        {
            if (interleaved == null)
            {
                throw new ArgumentNullException("interleaved");
            }

            if (offset < 0 || maxFrames < 0 || offset + maxFrames * 2 > interleaved.Length)
            {
                throw new ArgumentOutOfRangeException("maxFrames");
            }

            lock (_lock)
            {
                return _ring.ReadFrames(interleaved, offset, maxFrames);
            }
        }

        public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
        {
            if (peaks == null)
            {
                throw new ArgumentNullException("peaks");
            }

            if (maxFrames < 0)
            {
                throw new ArgumentOutOfRangeException("maxFrames");
            }

            lock (_lock)
            {
                return _ring.ScanFrames(maxFrames, stride, peaks);
            }
        }

        public int AvailableFrames
        {
            get
            {
                lock (_lock)
                {
                    return _ring.AvailableFrames;
                }
            }
        }

        public int SkipFrames(int maxFrames)
        {
            if (maxFrames < 0)
            {
                throw new ArgumentOutOfRangeException("maxFrames");
            }

            lock (_lock)
            {
                return _ring.SkipFrames(maxFrames);
            }
        }

        /// <summary>Starts listening on a running master device (called by <see cref="Esp32CodecClock"/>).</summary>
        internal void Attach(I2sDevice device, int sampleRate)
        {
            Detach();
            lock (_lock)
            {
                _ring.Clear();
            }

            _device = device;
            _sampleRate = sampleRate;
            _running = true;
            _reader = new Thread(ReadLoop);
            _reader.Start();
        }

        /// <summary>
        /// Stops listening before the device goes away. The clocks still run, so the reader's
        /// blocked read returns within one block and the thread ends.
        /// </summary>
        internal void Detach()
        {
            if (_reader == null)
            {
                return;
            }

            _running = false;
            _reader.Join(100);
            _reader = null;
            _device = null;
            _sampleRate = 0;
        }

        private void ReadLoop()
        {
            I2sDevice device = _device;
            byte[] bytes = _ring.Bytes;
            int blockBytes = _ring.BlockBytes;
            while (_running)
            {
                int at;
                lock (_lock)
                {
                    at = _ring.BeginBlock();
                }

                try
                {
                    device.Read(new SpanByte(bytes, at, blockBytes));
                }
                catch (Exception)
                {
                    // The driver failed (uninstalled under us, or an I2S error): stop listening.
                    _sampleRate = 0;
                    return;
                }

                if (_running)
                {
                    lock (_lock)
                    {
                        _ring.CommitBlock();
                    }
                }
            }
        }
    }
}
