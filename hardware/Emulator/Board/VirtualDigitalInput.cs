using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A digital input pin of the emulated board. Whatever drives it (a <see cref="Button"/>, a jack
    /// switch, a test) calls <see cref="SetLevel"/>; the firmware sees <see cref="Read"/> and the
    /// <see cref="Edge"/> event, raised synchronously on every change, raw (no debouncing).
    /// </summary>
    public sealed class VirtualDigitalInput : IDigitalInput
    {
        private readonly int _pin;
        private bool _level;
        private int _edgeCount;
        private DigitalEdgeHandler _edge;

        public VirtualDigitalInput(int pin, bool initialLevel)
        {
            _pin = pin;
            _level = initialLevel;
        }

        public int Pin
        {
            get { return _pin; }
        }

        /// <summary>The present electrical level (true = high).</summary>
        public bool Level
        {
            get { return _level; }
        }

        /// <summary>Edges (level changes) since construction.</summary>
        public int EdgeCount
        {
            get { return _edgeCount; }
        }

        public event DigitalEdgeHandler Edge
        {
            add { _edge = (DigitalEdgeHandler)Delegate.Combine(_edge, value); }
            remove { _edge = (DigitalEdgeHandler)Delegate.Remove(_edge, value); }
        }

        public bool Read()
        {
            return _level;
        }

        /// <summary>Drives the pin from outside; a change raises <see cref="Edge"/> before returning.</summary>
        public void SetLevel(bool level)
        {
            if (level == _level)
            {
                return;
            }

            _level = level;
            _edgeCount++;
            DigitalEdgeHandler handler = _edge;
            if (handler != null)
            {
                handler(this, level);
            }
        }
    }
}
