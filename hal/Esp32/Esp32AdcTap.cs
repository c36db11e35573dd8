using System;
using System.Device.I2s;
using System.Threading;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// The codec's ADC data as the ESP32 receives it on I2S, kept in a preallocated ring of 24-bit
    /// stereo frames for metering and auto gain. It listens only while <see cref="Esp32CodecClock"/>
    /// runs the I2S controller as master (standalone mode, dev boards): nanoFramework's driver routes
    /// the data-in pin in no other mode, so in USB mode (the bridge is master) the tap is silent and
    /// <see cref="SampleRate"/> is 0.
    /// </summary>
    /// <remarks>
    /// A reader thread blocks in <see cref="I2sDevice.Read"/> for one block at a time (the native
    /// read waits until the block is full) and converts it into the ring under a lock; the firmware's
    /// tick copies out what is new. When the ring is full the oldest frames are dropped; when the
    /// interpreter cannot keep up with the DMA, the driver drops DMA buffers instead, so the ring
    /// holds contiguous blocks with gaps between them — fine for levels, not for recording.
    /// The driver delivers 32-bit slots as little-endian left then right (its frame map for 32-bit
    /// stereo); the 24-bit value is the top three bytes. 24-bit reads are not used: the driver's
    /// byte count for them is computed with an integer 8/6 and fills only three quarters of the buffer.
    /// </remarks>
    public sealed class Esp32AdcTap : IAdcTap
    {
        private const int BytesPerFrame = 8;

        private readonly object _lock = new object();
        private readonly byte[] _block;
        private readonly int[] _ring;
        private readonly int _capacityFrames;
        private int _writeFrame;
        private int _unreadFrames;
        private int _sampleRate;
        private I2sDevice _device;
        private Thread _reader;
        private bool _running;

        /// <param name="ringFrames">Frames the ring holds (e.g. 2048 ≈ 43 ms at 48 kHz).</param>
        /// <param name="blockFrames">Frames per I2S read (e.g. 128 ≈ 2.7 ms at 48 kHz).</param>
        public Esp32AdcTap(int ringFrames, int blockFrames)
        {
            if (ringFrames <= 0)
            {
                throw new ArgumentOutOfRangeException("ringFrames");
            }

            if (blockFrames <= 0 || blockFrames > ringFrames)
            {
                throw new ArgumentOutOfRangeException("blockFrames");
            }

            _capacityFrames = ringFrames;
            _ring = new int[ringFrames * 2];
            _block = new byte[blockFrames * BytesPerFrame];
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
                int frames = _unreadFrames < maxFrames ? _unreadFrames : maxFrames;

                // The oldest unread frame; copying the oldest first leaves the newest for the next call.
                int start = _writeFrame - _unreadFrames;
                if (start < 0)
                {
                    start += _capacityFrames;
                }

                for (int i = 0; i < frames; i++)
                {
                    int frame = start + i;
                    if (frame >= _capacityFrames)
                    {
                        frame -= _capacityFrames;
                    }

                    interleaved[offset + i * 2] = _ring[frame * 2];
                    interleaved[offset + i * 2 + 1] = _ring[frame * 2 + 1];
                }

                _unreadFrames -= frames;
                return frames;
            }
        }

        public int AvailableFrames
        {
            get
            {
                lock (_lock)
                {
                    return _unreadFrames;
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
                int frames = _unreadFrames < maxFrames ? _unreadFrames : maxFrames;
                _unreadFrames -= frames; // the oldest go: the newest stay where the ring's write position left them
                return frames;
            }
        }

        /// <summary>Starts listening on a running master device (called by <see cref="Esp32CodecClock"/>).</summary>
        internal void Attach(I2sDevice device, int sampleRate)
        {
            Detach();
            lock (_lock)
            {
                _writeFrame = 0;
                _unreadFrames = 0;
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
            while (_running)
            {
                try
                {
                    device.Read(new SpanByte(_block));
                }
                catch (Exception)
                {
                    // The driver failed (uninstalled under us, or an I2S error): stop listening.
                    _sampleRate = 0;
                    return;
                }

                if (_running)
                {
                    Store(_block, _block.Length / BytesPerFrame);
                }
            }
        }

        private void Store(byte[] block, int frames)
        {
            lock (_lock)
            {
                int index = 0;
                for (int i = 0; i < frames; i++)
                {
                    int left = Top24Bits(block, index);
                    int right = Top24Bits(block, index + 4);
                    index += BytesPerFrame;
                    _ring[_writeFrame * 2] = left;
                    _ring[_writeFrame * 2 + 1] = right;
                    _writeFrame++;
                    if (_writeFrame == _capacityFrames)
                    {
                        _writeFrame = 0;
                    }
                }

                _unreadFrames += frames;
                if (_unreadFrames > _capacityFrames)
                {
                    _unreadFrames = _capacityFrames; // the oldest were overwritten
                }
            }
        }

        // A little-endian 32-bit slot, its top 24 bits as a signed value (arithmetic shift keeps the sign).
        private static int Top24Bits(byte[] block, int index)
        {
            int slot = block[index] | (block[index + 1] << 8) | (block[index + 2] << 16) | (block[index + 3] << 24);
            return slot >> 8;
        }
    }
}
